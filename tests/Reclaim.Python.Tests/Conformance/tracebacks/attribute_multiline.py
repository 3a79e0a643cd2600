# An attribute access split over lines reports the attribute's line and only its name.
value = None
x = (value
     .missing)
