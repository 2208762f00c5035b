import io

from core.jsonlines import read_json_lines


def test_blank_lines_are_skipped_but_counted() -> None:
    lines = list(read_json_lines(['{"a": 1}', "", "  ", "[2]"]))
    assert [(line.number, line.value, line.error) for line in lines] == [(1, {"a": 1}, None), (4, [2], None)]


def test_bad_lines_are_reported_not_raised() -> None:
    (bad, good) = read_json_lines(["nope", "3"])
    assert bad.value is None and bad.error is not None and bad.error.colno == 1
    assert good.value == 3


def test_bytes_are_decoded_and_sized_in_bytes() -> None:
    handle = io.BytesIO('\ufeff{"t": "é"}\n'.encode() + b"\xff\n")
    first, second = read_json_lines(handle)
    assert first.value == {"t": "é"} and first.size == len('\ufeff{"t": "é"}\n'.encode())
    assert isinstance(second.error, UnicodeDecodeError)
