"""An animated image of many large frames is refused before it can fill a worker's memory.

The bomb is built as an attacker builds one: one 1000×1000 frame of a single colour,
compressed by Pillow, repeated four hundred times in a GIF well under a megabyte.
"""

import io
import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

from core.images import sanitize_image
from tests.gallery.factories import upload

FRAMES = 400
SIZE = 1000


def animated_gif_bomb(frames=FRAMES, size=SIZE):
    """A GIF whose every frame is the same compressed image data, written block by block."""
    single = io.BytesIO()
    Image.new("P", (size, size), 1).save(single, format="GIF")
    data = single.getvalue()
    screen_end = 13 + 3 * 2 ** ((data[10] & 0x07) + 1)  # header, screen, global colours
    frame = data[screen_end:-1]  # the image descriptor and its data, without the trailer
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    delay = b"\x21\xf9\x04\x04\x0a\x00\x00\x00"  # a graphic control block: 0.1 s a frame
    return data[:screen_end] + loop + (delay + frame) * frames + b"\x3b"


def test_the_bomb_is_small_and_really_has_its_frames():
    bomb = animated_gif_bomb()
    assert len(bomb) < 1024 * 1024
    with Image.open(io.BytesIO(bomb)) as image:
        assert image.size == (SIZE, SIZE) and image.is_animated


def test_an_animation_of_too_many_pixels_is_refused_with_a_message():
    with pytest.raises(ValidationError) as refused:
        sanitize_image(upload("frames.gif", animated_gif_bomb(), "image/gif"))
    assert refused.value.code == "animation_too_large"


def test_a_small_animation_is_kept_and_stays_animated():
    frames = [Image.new("RGB", (64, 64), (40 * n, 80, 200 - 30 * n)) for n in range(5)]
    spinner = io.BytesIO()
    frames[0].save(spinner, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    clean = sanitize_image(upload("spinner.gif", spinner.getvalue(), "image/gif"))
    with Image.open(clean) as image:
        assert image.is_animated and image.n_frames == 5


MEASURE = """
import json, resource, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from core.images import sanitize_image
from tests.gallery.factories import upload
from tests.operations.test_image_bombs import animated_gif_bomb
bomb = animated_gif_bomb()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    sanitize_image(upload("frames.gif", bomb, "image/gif"))
    outcome = "accepted"
except ValidationError as error:
    outcome = error.code
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "grew_mib": (after - before) / 1024}))
"""


def test_the_worker_s_memory_stays_bounded_while_refusing_it():
    result = subprocess.run(
        [sys.executable, "-c", MEASURE],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["outcome"] == "animation_too_large"
    assert measured["grew_mib"] < 100, measured  # it grew by 1.9 GB before frames were counted
