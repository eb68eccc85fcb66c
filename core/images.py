"""Uploaded images: checked by their content, then re-encoded without metadata.

An editor's upload is untrusted bytes. It is accepted only when Pillow reads
it as a JPEG, PNG or WebP of sane size; what is stored is a fresh encoding of
the pixels, so no EXIF (GPS position, camera serial), no embedded script, no
trailing polyglot payload survives, and the stored name is ours, not the
uploader's.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SIDE_PIXELS = 6000
MAX_PIXELS = 24_000_000
# Pillow's own guard against decompression bombs, tightened to our limit:
# above it Pillow warns (turned into an error below), above twice it refuses.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# Pillow format name → (file extension, save options).
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}


def _open(file):
    """The image in ``file``, fully decoded, or a ValidationError."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Plik jest za duży (%(size)s). Najwyżej %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_UPLOAD_BYTES)},
        )
    if hasattr(file, "seek"):
        file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(file)
            # Header only so far: refuse huge canvases before decoding them.
            if image.format not in FORMATS:
                raise ValidationError(
                    _("Dozwolone są tylko zdjęcia JPG, PNG i WebP."), code="image_type"
                )
            width, height = image.size
            if max(width, height) > MAX_SIDE_PIXELS or width * height > MAX_PIXELS:
                raise ValidationError(
                    _(
                        "Zdjęcie ma za duże wymiary (%(width)s × %(height)s px). "
                        "Najwyżej %(side)s px na dłuższym boku."
                    ),
                    code="image_dimensions",
                    params={"width": width, "height": height, "side": MAX_SIDE_PIXELS},
                )
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ValidationError(
                _("Zdjęcie ma za duże wymiary."), code="image_dimensions"
            ) from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(
                _("To nie jest zdjęcie JPG, PNG ani WebP albo plik jest uszkodzony."),
                code="image_invalid",
            ) from exc
        finally:
            if hasattr(file, "seek"):
                file.seek(0)
    return image


def validate_image(file):
    """Validator for a model or form field: the upload must be a sane JPEG, PNG or WebP."""
    _open(file)


def reencode(file):
    """A ContentFile with the image's pixels only, under a random name with the right extension."""
    image = _open(file)
    extension, options = FORMATS[image.format]
    image_format = image.format
    # Phones store "rotate me" in EXIF; apply it, since EXIF is dropped.
    image = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


class SafeImageField(models.ImageField):
    """An ImageField whose uploads are validated by content and stored re-encoded.

    ``upload_to`` decides the folder; the file name is always a random one.
    """

    default_validators = [validate_image]

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = reencode(file)
            file.save(cleaned.name, cleaned, save=False)
        return super().pre_save(model_instance, add)


PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


def photo_field(upload_to):
    """An optional photo of a page, checked by content and stored re-encoded without metadata."""
    return SafeImageField(
        _("zdjęcie"),
        upload_to=upload_to,
        blank=True,
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS)],
        help_text=_("JPG, PNG lub WebP, najwyżej 5 MB i 6000 pikseli na dłuższym boku."),
    )


def photo_alt_field():
    """The photo's text alternative, for people who do not see it."""
    return models.CharField(
        _("opis zdjęcia (tekst alternatywny)"),
        max_length=250,
        blank=True,
        help_text=_("Co widać na zdjęciu — dla osób, które go nie zobaczą. Wymagany ze zdjęciem."),
    )


def photo_alt_constraint(name):
    """A photo needs its text alternative: the admin says so and the database refuses it."""
    return models.CheckConstraint(
        condition=Q(image="") | ~Q(image_alt=""),
        name=name,
        violation_error_message=_("Opisz zdjęcie: tekst alternatywny jest wymagany."),
    )
