#!/usr/bin/env python3
"""Writes assets/demo/roster.csv: 30 made-up elders with check-digit-valid (fictional) ID numbers.
Run once by hand when the demo roster should change; the CSV is what ships."""
import random, sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

def check(d17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(d17, W)) % 11]

rng = random.Random(20261125)
names = ["张桂兰", "王秀英", "李淑珍", "刘玉兰", "陈凤英", "杨秀兰", "赵桂英", "黄玉珍", "周秀珍", "吴桂芳",
         "徐建国", "孙福来", "马德胜", "朱长顺", "胡保国", "郭金山", "何永发", "高天明", "林有财", "罗志强",
         "梁秀梅", "宋淑芬", "郑玉梅", "谢春花", "韩凤兰", "唐振华", "冯宝山", "于桂香", "董德明", "萧素珍"]
villages = ["北关村", "南关村", "西街村"]
cats = ["tekun", "tekun|duju", "dibao", "dibao|kongchao", "dibao", "dibao|duju", "dibao_edge", "kunnan",
        "shineng", "banshineng|liushou", "zhongcan", "jisheng", "youfu", "duju", "kongchao", "liushou"]
rows = ["elder_id,name,id_number,birth_date,categories,village,phone,card_serial,active"]
for i, name in enumerate(names):
    female = i < 10 or i >= 20 and i % 2 == 0
    year = rng.choice([1925, 1932, 1938, 1940, 1943, 1945, 1946, 1950, 1955, 1960, 1962])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(10, 99)
    sexdigit = rng.choice([0, 2, 4, 6, 8]) if female else rng.choice([1, 3, 5, 7, 9])
    d17 = f"141022{year:04d}{month:02d}{day:02d}{seq:02d}{sexdigit}"
    idn = d17 + check(d17)
    birth = ""
    if i % 9 == 8:  # a few elders registered by birth date only (no ID number on file)
        idn, birth = "", f"{year:04d}-{month:02d}-{day:02d}"
    cat = cats[i % len(cats)] if i < 22 else ""
    phone = f"139{rng.randint(10000000, 99999999)}"
    serial = "2" if i == 4 else "1"  # elder 5 had a card replaced: serial 1 is revoked
    rows.append(f"E{i + 1:04d},{name},{idn},{birth},{cat},{villages[i % 3]},{phone},{serial},1")
sys.stdout.write("\n".join(rows) + "\n")
