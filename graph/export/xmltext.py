"""Text that is safe inside XML 1.0 attribute values and element content.

Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become
U+FFFD; line breaks and tabs in attributes are written as character references so parsers keep them.

Examples
--------
>>> attr('a "b" & <c>\\n')
'a &quot;b&quot; &amp; &lt;c&gt;&#10;'
>>> attr("bell\\x07")
'bell\\ufffd'
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                       "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def clean(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def attr(text: str) -> str:
    """``text`` escaped for a double-quoted XML attribute value."""
    return clean(text).translate(_ATTR)


def content(text: str) -> str:
    """``text`` escaped for XML element content."""
    return clean(text).translate(_TEXT)
