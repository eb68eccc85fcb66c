"""Polish times as people write them, "9:00" rather than Django's "09:00".

Only the output formats that carry an hour; everything else (and every input
format) is Django's own Polish, which Django reads after this module.
"""

TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j E Y, G:i"
SHORT_DATETIME_FORMAT = "d-m-Y G:i"
