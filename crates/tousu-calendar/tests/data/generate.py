"""Regenerates the cross-check fixtures for tousu-calendar's statutory years.

Second, independent sources (not ICU4X):
- lunar_python 1.4.8 (6tail's lunar, astronomical): 除夕, 端午, 中秋, 清明
  for 2025-2100 -> lunar-2025-2100.csv
- holidays 0.109, China(observed=True): the statutory and in-lieu days of
  2027-2099 -> statutory-2027-2099.csv

    pip install lunar_python==1.4.8 holidays==0.109
    python3 generate.py
"""
import csv
import datetime

import holidays
from lunar_python import Lunar, Solar

with open("lunar-2025-2100.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["year", "chuxi", "duanwu", "zhongqiu", "qingming"])
    for year in range(2025, 2101):
        ny = Lunar.fromYmd(year, 1, 1).getSolar()
        eve = datetime.date(ny.getYear(), ny.getMonth(), ny.getDay()) - datetime.timedelta(days=1)
        dw = Lunar.fromYmd(year, 5, 5).getSolar()
        zq = Lunar.fromYmd(year, 8, 15).getSolar()
        qm = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]
        w.writerow([year, eve.isoformat(), dw.toYmd(), zq.toYmd(), qm.toYmd()])

with open("statutory-2027-2099.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["date", "name"])
    for year in range(2027, 2100):
        for day, name in sorted(holidays.China(years=year, observed=True).items()):
            w.writerow([day.isoformat(), name])
