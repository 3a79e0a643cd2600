# Tabs in the indentation are stripped from the shown line; markers still line up.
if True:
	if True:
		value = 7 % 0 + 1
