import colorsys
import random

print(colorsys.__all__)
print(colorsys.ONE_THIRD, colorsys.ONE_SIXTH, colorsys.TWO_THIRD)
steps = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.6, 2 / 3, 0.75, 0.9, 1.0]
for r in steps[::3]:
    for g in steps[1::3]:
        for b in steps[::2]:
            hls = colorsys.rgb_to_hls(r, g, b)
            hsv = colorsys.rgb_to_hsv(r, g, b)
            yiq = colorsys.rgb_to_yiq(r, g, b)
            print((r, g, b), hls, hsv, yiq)
            print("  back", colorsys.hls_to_rgb(*hls), colorsys.hsv_to_rgb(*hsv),
                  colorsys.yiq_to_rgb(*yiq))

rnd = random.Random(7)
for _ in range(200):
    a = (rnd.uniform(-0.1, 1.1), rnd.uniform(-0.1, 1.1), rnd.uniform(-0.1, 1.1))
    print(colorsys.rgb_to_hls(*a), colorsys.hls_to_rgb(*a), colorsys.rgb_to_hsv(*a),
          colorsys.hsv_to_rgb(*a), colorsys.rgb_to_yiq(*a), colorsys.yiq_to_rgb(*a))
print(colorsys.hsv_to_rgb(0.2, 0.0, 0.4), colorsys.hls_to_rgb(0.2, 0.4, 0.0))
print(colorsys.rgb_to_hsv(1, 1, 1), colorsys.rgb_to_hls(0, 0, 0), colorsys.rgb_to_hsv(255, 0, 0))
print(colorsys.hsv_to_rgb(1.0, 1.0, 1.0), colorsys.hsv_to_rgb(-0.5, 0.5, 0.5))
