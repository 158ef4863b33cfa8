"""A large JSON array checked in parts (worker processes) gives exactly what one pass gives.

The parts start at guessed element starts (:mod:`kontrak.fast.array_cuts`); a part counts only
when the part before it stopped exactly at its start. Here the guesses are forced to be bad as
well as good (cuts at every ``{``, inside strings holding ``}, {``, at random bytes), and every
file is checked by the reference engine, by the fast engine in one pass and by the fast engine
in parts: the violations, counts, verdicts and exit codes must all be the same. Most cases run
the worker function in this process (:func:`inline_pool`); a few start the real processes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from tests.acceptance.test_engine_differential import (
    BRACES,
    CATALOG,
    DUPLICATE,
    ESCAPED,
    LAN,
    LINE,
    NESTED,
    RECORD,
    SPACED,
    _assert_same,
    _summary,
)
from tests.acceptance.test_engine_differential_datasets import COUNT, _damaged, _datasets
from tests.conftest import SAMPLES

from kontrak.contract import Contract, load_contract
from kontrak.fast import array_splitter, json_fast, run, workers
from kontrak.fast.array_cuts import array_cuts
from kontrak.fast.batch import RecordScreen
from kontrak.readers.json_reader import iter_json_document
from kontrak.resampled import ResampledRecords, sample_records
from kontrak.synthetic import SyntheticRecords, write_json_array
from kontrak.validation import ValidateOptions, validate_with_contract

BKN = load_contract("siasn-rw-angkakredit@1.0.0", CATALOG)
JABATAN = load_contract("siasn-rw-jabatan@1.0.0", CATALOG)
BKN_PACKAGE = SAMPLES / "packages/valid/bkn-2024-s1"

Cuts = Callable[[Path, int, int], list[int]]


def _record(nomor: str, key: str = "AK-1") -> str:
    return json.dumps({**RECORD, "idSipka": key, "nomorSk": nomor}, ensure_ascii=False)


# values that hold what a cut looks for: "}, {" and "},{" inside strings
STRINGY = [
    _record('SK }, {"idSipka": "AK-9"}, {', "AK-20"),
    _record("SK },{1},{2}", "AK-21"),
    _record('}\n, {"a": {"b": [1, {}]}}, ', "AK-22"),
    _record("x" * 3000 + "}, {" * 200, "AK-23"),  # one element over many parts
]
SEPARATORS = [",", ", ", "\n,", ",\n", " \t\r\n, \n\t", ",\r\n  "]
# braces in strings that upset a count of braces, next to escaped quotes and backslashes
UNBALANCED = [
    _record("SK {1", "AK-30"),
    _record("SK }1", "AK-31"),
    _record("\\", "AK-32"),
    _record('\\"}, {"', "AK-33"),
    _record("}\\", "AK-34"),
    _record("{\\\\", "AK-35"),
    _record('é}{ü"}', "AK-36"),
]


def _body(lines: list[str], seed: int = 0) -> str:
    rng = random.Random(seed)
    return "".join((rng.choice(SEPARATORS) if i else "") + line for i, line in enumerate(lines))


def _mixed(count: int, seed: int) -> str:
    """Elements of every shape in the reader edges, with repeated keys and primary keys."""
    rng = random.Random(seed)
    shapes = [LINE, SPACED, DUPLICATE, ESCAPED, BRACES, NESTED, *STRINGY]
    lines = [rng.choice(shapes) if i % 3 else _record(f"SK {i}", f"AK-{i}") for i in range(count)]
    return _body(lines, seed)


FILES: dict[str, bytes] = {
    "mixed.json": f"[\n{_mixed(60, 1)}\n]\n".encode(),
    "bom.json": f"\ufeff [ {_mixed(30, 2)} ]".encode(),
    "one-element.json": f"[{STRINGY[3]}]".encode(),
    "repeated-keys.json": f"[{_body([LINE] * 40)}]".encode(),
    "truncated-last.json": f"[{_mixed(30, 3)}, {LINE[:60]}".encode(),
    "truncated-in-string.json": f'[{_mixed(30, 4)}, {{"nomorSk": "}}, {{'.encode(),
    "trailing-garbage.json": f"[{_mixed(30, 5)}] x".encode(),
    "trailing-array.json": f"[{_mixed(30, 6)}]\n[{LINE}]".encode(),
    "trailing-space.json": f"[{_mixed(30, 7)}]\n \r\n\t".encode(),
    "scalar-in-middle.json": f"[{_mixed(20, 8)}, 5, {_mixed(20, 9)}]".encode(),
    "brace-in-middle.json": f"[{_mixed(20, 10)}}}, {_mixed(20, 11)}]".encode(),
    "trailing-comma.json": f"[{_mixed(30, 12)},]".encode(),
    "unbalanced.json": f"[{_body(UNBALANCED * 6, 15)}]".encode(),
    "unbalanced-then-broken.json": f"[{_body(UNBALANCED * 3, 16)}, {LINE[:-1]},}}, {LINE}]".encode(),
    "broken-early.json": f"[{LINE}, {LINE[:-1]},}}, {_mixed(40, 17)}]".encode(),
    "unterminated-string.json": f'[{_mixed(10, 18)}, {{"nomorSk": "SK}}, {_mixed(10, 19)}]'.encode(),
    "not-utf8-in-middle.json": f"[{_mixed(20, 13)}, ".encode()
    + b'{"nomorSk": "\xe9"}, '
    + f"{_mixed(20, 14)}]".encode(),
    "object.json": STRINGY[0].encode(),
    "envelope.json": json.dumps({"code": 1, "data": [RECORD] * 30}).encode(),
    "empty-array.json": b" [ \n ] \n",
    "whitespace.json": b"  \n ",
}


# ------------------------------------------------------------------ helpers
class _InlinePool:
    """A stand-in for the worker pool: the workers' own code, run in this process."""

    def apply_async(self, function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        result = function(*args)
        return SimpleNamespace(get=lambda: result)


@contextmanager
def _inline(setup: workers.WorkerSetup, processes: int) -> Iterator[Any]:
    del processes
    workers._start(setup)
    yield _InlinePool()


@pytest.fixture
def inline_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the worker function in this process (quick: no processes to start)."""
    monkeypatch.setattr(workers, "_STATE", {})
    monkeypatch.setattr(run, "worker_pool", _inline)


def _cuts_at(pattern: bytes, every: int) -> Cuts:
    """Cuts at the first match of ``pattern`` past every ``every`` bytes (wrong ones too)."""

    def cuts(path: Path, size: int, step: int) -> list[int]:
        del size, step
        found: list[int] = []
        for match in re.finditer(re.escape(pattern), path.read_bytes()):
            if match.start() >= (found[-1] if found else 0) + every:
                found.append(match.start())
        return found

    return cuts


def _random_cuts(seed: int, every: int) -> Cuts:
    """Cuts at random bytes, about ``every`` bytes apart."""

    def cuts(path: Path, size: int, step: int) -> list[int]:
        del path, step
        rng = random.Random(seed)
        return sorted({rng.randrange(1, size) for _ in range(max(1, size // every))})

    return cuts


CUTS: dict[str, Cuts] = {
    "every-brace": _cuts_at(b"{", 1),
    "braces": _cuts_at(b"{", 150),
    "sparse-braces": _cuts_at(b"{", 40_000),
    "after-comma": _cuts_at(b",", 90),
    "random": _random_cuts(1, 120),
    "random-dense": _random_cuts(2, 15),
}


_FALLBACKS: list[int] = []


@pytest.fixture(autouse=True)
def _count_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count the files the fast engine reads with the reference JSON reader instead."""
    original = iter_json_document

    def counted(data: bytes) -> Any:
        _FALLBACKS.append(len(data))
        return original(data)

    monkeypatch.setattr(run, "iter_json_document", counted)


def _is_array_of_objects(data: bytes) -> bool:
    try:
        document = json.loads(data.decode("utf-8").removeprefix("\ufeff"))
    except ValueError:
        return False
    return isinstance(document, list) and all(isinstance(item, dict) for item in document)


def _same_in_parts(contract: Contract, path: Path, **options: Any) -> Any:
    """Reference, fast in one pass and fast in parts give the same report.

    The fast engine reads the file with the reference JSON reader (as often in one pass as in
    parts) exactly when the file is not an array of objects: a wrong cut must not send a good
    array there, nor may a misread element (the reference reader would hide it).
    """
    _FALLBACKS.clear()
    parts = _assert_same(contract, path, workers=2, **options)
    in_parts = len(_FALLBACKS)
    single = validate_with_contract(
        contract, [path], ValidateOptions(engine="fast", workers=1, **options)
    )
    assert _summary(parts) == _summary(single)
    assert in_parts == len(_FALLBACKS) - in_parts
    assert (in_parts == 0) == _is_array_of_objects(path.read_bytes())
    return parts


class _Rechecks:
    """Counts the parts checked again in the parent (their start was not an element's)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.starts: list[int] = []
        original = json_fast.check_array_part

        def spy(screen: RecordScreen, path: Path, start: int, stop: int | None, *rest: Any) -> Any:
            if start or stop is not None:  # not the one pass over a whole file
                self.starts.append(start)
            return original(screen, path, start, stop, *rest)

        monkeypatch.setattr(json_fast, "check_array_part", spy)


# -------------------------------------------------------------------- tests
@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("cuts", sorted(CUTS))
@pytest.mark.parametrize("name", sorted(FILES))
def test_edge_files_in_parts(
    name: str, cuts: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "array_cuts", CUTS[cuts])
    path = tmp_path / name
    path.write_bytes(FILES[name])
    _same_in_parts(LAN, path)


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize(
    "name", ["mixed.json", "unbalanced.json", "unbalanced-then-broken.json", "bom.json"]
)
def test_edge_files_read_in_tiny_chunks(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Elements, strings and escapes cut by the end of what was read so far.

    With a tiny balance limit, most elements are read by following their strings.
    """
    monkeypatch.setattr(array_splitter, "_CHUNK", 7)
    monkeypatch.setattr(array_splitter, "_PART_CHUNK", 5)
    monkeypatch.setattr(array_splitter, "_BALANCE_LIMIT", 16)
    monkeypatch.setattr(array_splitter, "_SHORT_BALANCE", 16)
    monkeypatch.setattr(run, "array_cuts", CUTS["random"])
    path = tmp_path / name
    path.write_bytes(FILES[name])
    _same_in_parts(LAN, path)


def test_broken_element_found_without_trying_every_later_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An element that does not parse is given up after one look, not after every ``}``."""
    parsed: list[int] = []

    class CountingOrjson:
        JSONDecodeError = orjson.JSONDecodeError

        @staticmethod
        def loads(data: Any) -> Any:
            parsed.append(len(data))
            return orjson.loads(data)

    path = tmp_path / "broken.json"
    path.write_bytes(f"[{LINE}, {LINE[:-1]},}}, {_body([LINE] * 2000)}]".encode())
    monkeypatch.setattr(array_splitter, "orjson", CountingOrjson)
    with pytest.raises(array_splitter.NotAnArrayError):
        list(array_splitter.ArrayElements(path))
    assert len(parsed) <= 3
    monkeypatch.undo()
    _assert_same(LAN, path)


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("cuts", ["braces", "random"])
def test_capped_list_in_parts(cuts: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "array_cuts", CUTS[cuts])
    path = tmp_path / "mixed.json"
    path.write_bytes(FILES["mixed.json"])
    for cap in (1, 7, 40):
        report = _same_in_parts(LAN, path, max_errors=cap)
        assert report.truncated


def _generated(contract: Contract, path: Path, seed: int, count: int = 400) -> None:
    records: SyntheticRecords | ResampledRecords
    if contract.dataset in ("riwayat-angka-kredit", "siasn-rw-angkakredit"):
        records = SyntheticRecords(contract, seed=seed, invalid_rate=0.3, repeat_rate=0.03)
    else:
        samples = sample_records(SAMPLES, contract)
        records = ResampledRecords(contract, samples, seed=seed, invalid_rate=0.3)
    write_json_array(path, records.records(count))


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("contract", [LAN, BKN, JABATAN], ids=lambda c: c.dataset)
def test_generated_arrays_in_parts(
    contract: Contract, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guessed cuts (the real guesses) on valid and damaged records, repeated primary keys."""
    monkeypatch.setattr(run, "RANGE_BYTES", 4000)
    rechecks = _Rechecks(monkeypatch)
    path = tmp_path / "data.json"
    _generated(contract, path, seed=7)
    cuts = array_cuts(path, path.stat().st_size, run.RANGE_BYTES)
    assert len(cuts) > 20
    report = _same_in_parts(contract, path)
    assert report.exit_code == 1
    assert rechecks.starts == []  # every guess was an element start
    if contract is not JABATAN:
        assert report.counts_by_code["duplicate-primary-key"] > 0


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("cuts", ["braces", "random"])
def test_generated_array_with_bad_cuts(
    cuts: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "array_cuts", CUTS[cuts])
    rechecks = _Rechecks(monkeypatch)
    path = tmp_path / "data.json"
    _generated(LAN, path, seed=8, count=150)
    report = _same_in_parts(LAN, path)
    assert report.counts_by_code["duplicate-primary-key"] > 0
    assert rechecks.starts  # some cuts fell inside elements: checked again from the right place


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("cuts", ["braces", "random"])
def test_foreign_keys_across_parts(
    cuts: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "array_cuts", CUTS[cuts])
    path = tmp_path / "data.json"
    _generated(LAN, path, seed=9, count=150)
    report = _same_in_parts(LAN, path, against=(BKN_PACKAGE,), max_errors=30)
    assert report.counts_by_code["foreign-key-missing"] > 0


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("contract", _datasets(), ids=lambda c: c.spec)
def test_damaged_delivery_of_every_dataset_in_parts(
    contract: Contract, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nested documents of every dataset: cuts at ``{`` of nested objects as well.

    The same files in one pass equal the reference (``test_engine_differential_datasets``).
    """
    monkeypatch.setattr(run, "array_cuts", CUTS["sparse-braces"])
    path = tmp_path / "data.json"
    write_json_array(path, iter(_damaged(contract, seed=len(contract.spec))))
    reports = [
        validate_with_contract(contract, [path], ValidateOptions(workers=workers))
        for workers in (1, 2)
    ]
    assert _summary(reports[0]) == _summary(reports[1])
    assert reports[1].records == COUNT


@pytest.mark.usefixtures("inline_pool")
@pytest.mark.parametrize("name", ["mixed.json", "one-element.json", "truncated-in-string.json"])
def test_parts_give_up_on_long_elements(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part meeting an element longer than it reads is checked again in this process."""
    monkeypatch.setattr(array_splitter, "_SHORT_ELEMENT", 1000)
    monkeypatch.setattr(array_splitter, "_SHORT_BALANCE", 500)
    monkeypatch.setattr(run, "array_cuts", CUTS["braces"])
    rechecks = _Rechecks(monkeypatch)
    path = tmp_path / name
    path.write_bytes(FILES[name])
    _same_in_parts(LAN, path)
    assert rechecks.starts


def test_two_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large-enough array is checked by two processes, one part each at a time."""
    monkeypatch.setattr(run, "RANGE_BYTES", 20_000)
    pools: list[tuple[int, list[Any]]] = []
    real_pool = workers.worker_pool

    @contextmanager
    def counted(setup: workers.WorkerSetup, processes: int) -> Iterator[Any]:
        tasks: list[Any] = []
        pools.append((processes, tasks))
        with real_pool(setup, processes) as pool:

            def apply_async(function: Any, args: tuple[Any, ...]) -> Any:
                tasks.append(args)
                return pool.apply_async(function, args)

            yield SimpleNamespace(apply_async=apply_async)

    monkeypatch.setattr(run, "worker_pool", counted)
    rechecks = _Rechecks(monkeypatch)
    path = tmp_path / "data.json"
    _generated(LAN, path, seed=10, count=700)
    _same_in_parts(LAN, path, max_errors=50, against=(BKN_PACKAGE,))
    processes, tasks = pools[0]
    assert processes == 2
    assert len(tasks) > 10
    assert rechecks.starts == []  # every part's outcome came from a worker


def test_broken_array_in_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part that finds the array broken sends the whole file to the reference reader."""
    monkeypatch.setattr(run, "RANGE_BYTES", 2000)
    path = tmp_path / "data.json"
    path.write_bytes(FILES["brace-in-middle.json"])
    assert len(array_cuts(path, path.stat().st_size, run.RANGE_BYTES)) > 5
    report = _same_in_parts(LAN, path)
    assert report.exit_code == 2
    assert report.counts_by_code["invalid-json"] == 1


@pytest.mark.usefixtures("inline_pool")
def test_progress_reaches_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "RANGE_BYTES", 4000)
    path = tmp_path / "data.json"
    _generated(LAN, path, seed=11)
    seen: list[int] = []
    sink = SimpleNamespace(start=lambda *_: None, advance_to=seen.append, finish=lambda: None)
    validate_with_contract(LAN, [path], ValidateOptions(workers=2, progress=sink))
    assert len(seen) > 20
    assert seen == sorted(seen)
    assert seen[-1] == path.stat().st_size


# --------------------------------------------------------------- the guesses
def test_guesses_skip_nested_arrays_and_strings(tmp_path: Path) -> None:
    nested = {**RECORD, "path": [{"dok_id": str(i)} for i in range(30)]}
    stringy = {**RECORD, "nomorSk": '}, {"a": 1}, {"b": 2}, ' * 20}
    lines = [json.dumps(nested if i % 2 else stringy) for i in range(200)]
    path = tmp_path / "data.json"
    path.write_text(f"[{_body(lines)}]", encoding="utf-8")
    data = path.read_bytes()
    starts = {offset for _, _, offset in _elements(path)}
    cuts = array_cuts(path, len(data), 3000)
    assert len(cuts) > 20
    assert cuts == sorted(set(cuts))
    assert set(cuts) <= starts


def _elements(path: Path) -> list[tuple[bytes, dict[str, Any], int]]:
    return list(array_splitter.ArrayElements(path))


def test_parts_from_element_starts_chain_exactly(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_bytes(FILES["mixed.json"])
    screen = RecordScreen(LAN, str(path), bulk=False, show_values=False)
    offsets = [offset for _, _, offset in _elements(path)]
    stops = offsets[5::7]
    start, items = 0, 0
    for stop in [*stops, None]:
        part = json_fast.check_array_part(screen, path, start, stop)
        assert not part.broken
        assert part.start == start
        items += part.outcome.items
        if stop is None:
            assert part.resume is None
        else:
            assert part.resume == stop
            start = stop
    assert items == len(offsets)
    wrong = json_fast.check_array_part(screen, path, offsets[3] + 1, None)
    assert wrong.broken


def test_offsets_take_four_bytes_below_four_gibibytes() -> None:
    assert not json_fast.offset_keys((1 << 32) - 1).wide
    assert json_fast.offset_keys(1 << 32).wide


def test_results_in_order_with_few_tasks_queued() -> None:
    submitted: list[int] = []

    class Pool:
        def apply_async(self, function: Callable[[int], int], args: tuple[int]) -> Any:
            submitted.append(args[0])
            value = function(*args)
            return SimpleNamespace(get=lambda: value)

    taken: list[int] = []
    for result in run._in_order(Pool(), lambda x: x * 10, list(range(20)), ahead=3):  # type: ignore[arg-type]
        assert len(submitted) - len(taken) <= 3
        taken.append(result)
    assert taken == [x * 10 for x in range(20)]
