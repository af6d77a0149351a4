# A formula: from seconds to hours, minutes and seconds.
seconds = 7384
hours = seconds // 3600
rest = seconds - hours * 3600
minutes = rest // 60
print(hours)
print(minutes)
print(rest - minutes * 60)
