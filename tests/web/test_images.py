"""Uploaded images are checked by content and stored re-encoded without metadata."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core import images


def upload(data, name="zdjecie.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def encoded(fmt="JPEG", size=(40, 30), mode="RGB", **options):
    output = io.BytesIO()
    Image.new(mode, size, "teal").save(output, format=fmt, **options)
    return output.getvalue()


def png_of_zeros(width, height):
    """A one-bit PNG of the given size written by hand: Pillow would take seconds."""

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def photo_with_gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "Aparat-Producent"  # Make
    exif[0x8825] = {2: (52.0, 13.0, 37.0)}  # GPSInfo: latitude
    return encoded(exif=exif.tobytes())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_photos_are_accepted(fmt):
    images.validate_image(upload(encoded(fmt)))


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<html><script>alert(1)</script></html>",
        b"GIF89a" + b"\x00" * 20,
        encoded("GIF"),
        encoded("BMP"),
        encoded("JPEG")[:60],
    ],
    ids=["svg", "html", "fake-gif", "gif", "bmp", "truncated-jpeg"],
)
def test_anything_but_a_sound_jpeg_png_or_webp_is_refused_whatever_its_name(data):
    with pytest.raises(ValidationError):
        images.validate_image(upload(data, name="zdjecie.jpg"))


def test_files_over_the_size_limit_are_refused_before_decoding():
    data = encoded("PNG") + b"\x00" * (images.MAX_UPLOAD_BYTES + 1)
    with pytest.raises(ValidationError) as error:
        images.validate_image(upload(data, name="duze.png"))
    assert error.value.code == "image_too_large"


def test_images_with_too_many_pixels_are_refused():
    data = encoded("PNG", size=(images.MAX_SIDE_PIXELS + 1, 10), mode="1")
    with pytest.raises(ValidationError) as error:
        images.validate_image(upload(data, name="szerokie.png"))
    assert error.value.code == "image_dimensions"


def test_a_decompression_bomb_is_refused_without_being_decoded():
    # 20 000 × 20 000 one-bit pixels compress to a few tens of kilobytes and
    # would take 400 megapixels of memory once decoded.
    data = png_of_zeros(20_000, 20_000)
    assert len(data) < images.MAX_UPLOAD_BYTES
    with pytest.raises(ValidationError) as error:
        images.validate_image(upload(data, name="bomba.png"))
    assert error.value.code == "image_dimensions"


def test_reencoding_drops_exif_and_the_uploaders_file_name():
    original = photo_with_gps_exif()
    assert Image.open(io.BytesIO(original)).getexif()
    cleaned = images.reencode(upload(original, name="Jan Kowalski - dom.jpg"))
    stored = Image.open(io.BytesIO(cleaned.read()))
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert cleaned.name.endswith(".jpg")
    assert "Kowalski" not in cleaned.name


def test_reencoding_drops_bytes_appended_after_the_image():
    polyglot = encoded("PNG") + b"<script>alert(1)</script>"
    cleaned = images.reencode(upload(polyglot, name="x.png")).read()
    assert b"<script>" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).format == "PNG"


def test_safe_image_field_rejects_svg_in_a_model_form_and_stores_clean_jpegs(tmp_path, settings):
    from django import forms
    from django.db import models

    settings.MEDIA_ROOT = tmp_path

    class Photo(models.Model):
        image = images.SafeImageField(upload_to="proba/")

        class Meta:
            app_label = "opsportal"
            managed = False

        def __str__(self):
            return self.image.name

    class PhotoForm(forms.ModelForm):
        class Meta:
            model = Photo
            fields = ["image"]

    svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    form = PhotoForm(data={}, files={"image": svg})
    assert not form.is_valid()

    form = PhotoForm(data={}, files={"image": upload(photo_with_gps_exif(), "a.jpg")})
    assert form.is_valid(), form.errors
    photo = form.save(commit=False)
    field = Photo._meta.get_field("image")
    field.pre_save(photo, add=True)
    stored = tmp_path / photo.image.name
    assert stored.parent == tmp_path / "proba"
    assert stored.suffix == ".jpg"
    assert not Image.open(stored).getexif()
