"""Forum access passes: their content, layouts as data, the durable print queue, raw back ends.

No Qt here: rendering is ``ui.passes``; a back end that needs pixels or a PDF is handed a
renderer (see ``wiring``).
"""
