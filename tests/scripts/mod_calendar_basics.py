import calendar

print(calendar.isleap(2024), calendar.isleap(1900), calendar.isleap(2000), calendar.leapdays(1900, 2024))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 12), calendar.weekday(2024, 7, 4), calendar.weekday(1, 1, 1))
print(calendar.monthcalendar(2024, 3))
print(calendar.month(2024, 2), end="")
print(calendar.month(2023, 10, w=3, l=2), end="")
print(calendar.calendar(2024), end="")
print(calendar.calendar(2025, w=3, l=1, c=4, m=4), end="")
calendar.prmonth(1999, 12)
calendar.prcal(2000, m=6)
print(list(calendar.day_name), list(calendar.day_abbr))
print(list(calendar.month_name), calendar.month_abbr[12], len(calendar.month_abbr))
print(calendar.MONDAY, calendar.SUNDAY, calendar.firstweekday(), calendar.weekheader(3))
print(calendar.timegm((2024, 2, 29, 12, 30, 15, 0, 0, 0)), calendar.timegm((1970, 1, 1, 0, 0, 0)))

calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(2))
print(calendar.month(2024, 9), end="")
calendar.setfirstweekday(calendar.MONDAY)

for bad in (lambda: calendar.monthrange(2024, 13), lambda: calendar.setfirstweekday(7)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e, isinstance(e, calendar.error))

text = calendar.TextCalendar(firstweekday=6)
print(text.formatmonth(2024, 1), end="")
print(text.formatweekheader(9))
print(list(text.iterweekdays()), text.getfirstweekday())
cal = calendar.Calendar()
print(list(cal.itermonthdays(2024, 2))[:10])
print(list(cal.itermonthdays2(2024, 2))[:4])
print(list(cal.itermonthdays3(2024, 2))[:3], list(cal.itermonthdays4(2024, 2))[-2:])
print(list(cal.itermonthdates(2021, 2))[0], cal.monthdatescalendar(2021, 2)[-1][-1])
print(cal.monthdays2calendar(2024, 4)[0], len(cal.yeardatescalendar(2024, 4)), len(cal.yeardayscalendar(2024)[0]))
print(cal.yeardays2calendar(2024, 2)[5][1][-1])

html = calendar.HTMLCalendar()
print(html.formatmonth(2024, 2))
print(html.formatyear(2024, width=4)[:400])
print(html.formatweekday(6), html.formatday(0, 1), html.formatmonthname(2024, 5, withyear=False))


class MarkedCalendar(calendar.TextCalendar):
    def __init__(self, marked):
        super().__init__()
        self.marked = marked

    def formatday(self, day, weekday, width):
        text = super().formatday(day, weekday, width)
        if day in self.marked:
            text = text.replace(" ", "*", 1) if text.startswith(" ") else "*" + text[1:]
        return text


print(MarkedCalendar({1, 14, 29}).formatmonth(2024, 2), end="")
