"""Workbooks with an opening password: Office encryption (msoffcrypto) and OpenDocument's.

Excel and WPS encrypt an .xlsx/.xlsm/.xlsb into an OLE container and an .xls in place;
LibreOffice (and WPS saving .ods) encrypts each part of the zip and says how in
``META-INF/manifest.xml``. Both are decrypted in memory with the password the clerk
types; the file on disk is never touched. An .xls "protected" only against changes is
encrypted with Excel's fixed default password, tried first so the clerk is not asked
for a password nobody set.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import re
import zipfile
import zlib

from tracker.errors import TrackerError

log = logging.getLogger(__name__)

EXCEL_DEFAULT_PASSWORD = "VelvetSweatshop"  # Excel's key for "protected, no password"


class PasswordRequired(TrackerError):
    """The workbook is encrypted: the UI asks for the password, the CLI says --password."""


class WrongPassword(PasswordRequired):
    pass


def ask_for_password(name: str) -> PasswordRequired:
    return PasswordRequired(
        f"文件“{name}”已加密（设置了打开密码）。请输入密码（命令行用 --password 密码）后再导入。"
    )


def wrong_password(name: str) -> WrongPassword:
    return WrongPassword(f"文件“{name}”的密码不对，无法解密。请核对密码（区分大小写）后重试。")


# -- Office (OLE) ------------------------------------------------------------------------


def office_encrypted(data: bytes) -> bool:
    import msoffcrypto

    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception as exc:  # not an Office container msoffcrypto knows: calamine judges
        log.debug("not an encrypted Office file (%r)", exc)
        return False


def _office_decrypt(data: bytes, password: str) -> bytes:
    import msoffcrypto

    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    office.load_key(password=password)
    out = io.BytesIO()
    office.decrypt(out)
    return out.getvalue()


def decrypt_office(name: str, data: bytes, password: str | None) -> bytes:
    """The plain workbook (a zip for OOXML, a BIFF OLE file for .xls)."""
    try:
        return _office_decrypt(data, EXCEL_DEFAULT_PASSWORD)
    except Exception as exc:  # a real password was set: the clerk's is needed
        log.debug("not Excel's default password (%r)", exc)
    if not password:
        raise ask_for_password(name)
    try:
        return _office_decrypt(data, password)
    except Exception as exc:  # msoffcrypto raises several types for a wrong key
        raise wrong_password(name) from exc


# -- OpenDocument ------------------------------------------------------------------------

_ENTRY = re.compile(rb"<manifest:file-entry\b([^>]*?)(?:/>|>(.*?)</manifest:file-entry>)", re.S)
_ATTR = re.compile(rb'manifest:([\w-]+)="([^"]*)"')
_ENCRYPTION = re.compile(rb"\s*<manifest:encryption-data\b.*?</manifest:encryption-data>", re.S)
AES_CBC = b"http://www.w3.org/2001/04/xmlenc#aes256-cbc"


class _WrongKey(Exception):
    """The part does not decrypt to what its checksum says: the password is wrong."""


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return dict(_ATTR.findall(raw))


def _odf_key(password: str, info: dict[bytes, bytes]) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    start = info.get(b"start-key-generation-name", b"SHA1")
    digest = hashlib.sha256 if start.endswith(b"sha256") else hashlib.sha1
    start_key = digest(password.encode("utf-8")).digest()
    if info.get(b"key-derivation-name") != b"PBKDF2":
        raise ValueError("key derivation")
    kdf = PBKDF2HMAC(
        algorithm=hashes.SHA1(),
        length=int(info.get(b"key-size", b"16")),
        salt=base64.b64decode(info[b"salt"]),
        iterations=int(info[b"iteration-count"]),
    )
    return kdf.derive(start_key)


def _odf_decrypt_part(secret: bytes, info: dict[bytes, bytes], key: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv = base64.b64decode(info[b"initialisation-vector"])  # Blowfish (before 2011) is not read
    name = info.get(b"algorithm-name", b"")
    if name == AES_CBC:
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain = dec.update(secret) + dec.finalize()
        plain = plain[: len(plain) - plain[-1]] if plain else plain  # W3C padding
    else:
        raise ValueError("algorithm")
    checksum = info.get(b"checksum")
    if checksum is not None:  # over the first 1024 bytes of the still-deflated part
        digest = (
            hashlib.sha256 if b"sha256" in info.get(b"checksum-type", b"").lower() else hashlib.sha1
        )
        if digest(plain[:1024]).digest() != base64.b64decode(checksum):
            raise _WrongKey
    try:
        return zlib.decompress(plain, -15)
    except zlib.error as exc:  # no checksum to say so: the key was wrong
        raise _WrongKey from exc


def decrypt_odf(name: str, zf: zipfile.ZipFile, password: str | None) -> bytes:
    """The package again with every encrypted part in the clear (and the manifest no
    longer saying it is encrypted), for calamine to read."""
    if not password:
        raise ask_for_password(name)
    manifest = zf.read("META-INF/manifest.xml")
    encrypted: dict[str, dict[bytes, bytes]] = {}
    for m in _ENTRY.finditer(manifest):
        if m[2] and b"encryption-data" in m[2]:
            entry = _attrs(m[1])
            for tag in re.findall(rb"<manifest:[\w-]+\b[^>]*>", m[2]):
                entry.update(_attrs(tag))
            encrypted[entry.get(b"full-path", b"").decode("utf-8")] = entry
    out = io.BytesIO()
    keys: dict[tuple[bytes, ...], bytes] = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in zf.infolist():
            data = zf.read(item)
            info = encrypted.get(item.filename)
            if item.filename == "META-INF/manifest.xml":
                data = _ENCRYPTION.sub(b"", manifest)
            elif info is not None:
                ident = tuple(info.get(k, b"") for k in (b"salt", b"iteration-count", b"key-size"))
                try:
                    if ident not in keys:
                        keys[ident] = _odf_key(password, info)
                    data = _odf_decrypt_part(data, info, keys[ident])
                except _WrongKey as exc:
                    raise wrong_password(name) from exc
                except (KeyError, ValueError) as exc:  # a cipher or KDF we do not know
                    method = info.get(b"algorithm-name", b"?").decode("ascii", "replace")
                    raise TrackerError(
                        f"文件“{name}”设置了打开密码，但加密方式（{method}）本程序不支持。"
                        "请在 LibreOffice/WPS 中输入密码打开，取消密码后另存为 .xlsx 再导入。"
                    ) from exc
            copy = zipfile.ZipInfo(item.filename, item.date_time)
            copy.compress_type = item.compress_type  # mimetype stays stored, and first
            new.writestr(copy, data)
    return out.getvalue()
