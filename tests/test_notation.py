"""Textbook notation: ``info(d, "I(X;Y|Z)")`` and its parser."""

from __future__ import annotations

import builtins
import contextlib
import importlib
from fractions import Fraction
from unittest import mock

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symentropy import (
    Distribution,
    DistributionError,
    ParseError,
    UnknownVariableError,
    ZeroProbabilityError,
    conditional_entropy,
    entropy,
    independent,
    mutual_information,
    uniform,
)
from symentropy.kernel.notation import (
    MAX_LENGTH,
    DivergenceTerm,
    EntropyTerm,
    Event,
    InformationTerm,
    Notation,
    parse_notation,
)
from symentropy.measures.info import info

from .support import assert_exact, joint_distributions

# The measures that info() imports lazily, imported here so that importing them
# (which compiles their source) happens outside the checks that forbid compile().
importlib.import_module("symentropy.measures.generalized")
importlib.import_module("symentropy.measures.multivariate")
importlib.import_module("symentropy.measures.divergences")

R = sympy.Rational

#: Cover & Thomas, Elements of Information Theory, 2nd ed., Example 2.2.1:
#: p(x, y) with rows y = 1..4 and columns x = 1..4.
BOOK_TABLE = Distribution.from_table(
    [
        ["1/8", "1/16", "1/32", "1/32"],
        ["1/16", "1/8", "1/32", "1/32"],
        ["1/16", "1/16", "1/16", "1/16"],
        ["1/4", 0, 0, 0],
    ],
    names=("Y", "X"),
    labels=(range(1, 5), range(1, 5)),
)

#: Four variables with no independences, for comparisons with the functions.
FOUR = Distribution(
    {
        (0, 0, 0, "a"): "1/12",
        (0, 1, 0, "b"): "1/6",
        (1, 0, 1, "a"): "1/4",
        (1, 1, 1, "b"): "1/8",
        (0, 0, 1, "b"): "1/24",
        (1, 1, 0, "a"): "1/3",
    },
    names=("X", "Y", "Z", "W"),
)

BITS = independent(uniform(2, name="X"), uniform(2, name="Y"))
XOR = BITS.with_variable("Z", lambda x, y: x ^ y)


# -- the textbook's values ----------------------------------------------------------
@pytest.mark.parametrize(
    "notation, book",
    [
        # Cover & Thomas, 2nd ed., Example 2.2.1 (stated answers).
        ("H(X)", R(7, 4)),
        ("H(Y)", R(2)),
        ("H(X|Y)", R(11, 8)),
        ("H(Y|X)", R(13, 8)),
        ("H(X,Y)", R(27, 8)),
        ("H(Y,X)", R(27, 8)),
        ("I(X;Y)", R(3, 8)),
        # The same example computes H(X|Y) as the average of H(X|Y=i):
        # 1/4 H(1/2,1/4,1/8,1/8) + 1/4 H(1/4,1/2,1/8,1/8) + 1/4 H(1/4,1/4,1/4,1/4) + 1/4 H(1,0,0,0).
        ("H(X|Y=1)", R(7, 4)),
        ("H(X|Y=2)", R(7, 4)),
        ("H(X|Y=3)", R(2)),
        ("H(X|Y=4)", R(0)),
        # Chain rule and the definition of I, written out.
        ("H(X) + H(Y|X)", R(27, 8)),
        ("H(X) - H(X|Y)", R(3, 8)),
        ("H(X)+H(Y)-H(X,Y)", R(3, 8)),
        ("2*H(X|Y)", R(11, 4)),
    ],
    ids=lambda v: str(v),
)
def test_cover_thomas_example_2_2_1(notation, book):
    assert info(BOOK_TABLE, notation) == book


def test_xor_example():
    # Z = X xor Y of two fair bits: pairwise independent, jointly dependent.
    assert info(XOR, "I(X;Y)") == 0
    assert info(XOR, "I(X;Y|Z)") == 1
    assert info(XOR, "I(X,Y;Z)") == 1
    assert info(XOR, "H(Z|X,Y)") == 0
    assert info(XOR, "H(X|Z=1)") == 1


# -- agreement with the functions ---------------------------------------------------
@pytest.mark.parametrize(
    "notation, function",
    [
        ("H(X)", lambda d: entropy(d, "X")),
        ("H(X,Y)", lambda d: entropy(d, "X", "Y")),
        ("H(X,Y|Z)", lambda d: entropy(d, "X", "Y", given="Z")),
        ("H(X|Y,Z,W)", lambda d: conditional_entropy(d, "X", ("Y", "Z", "W"))),
        ("I(X;Y)", lambda d: mutual_information(d, "X", "Y")),
        ("I(X;Y|Z)", lambda d: mutual_information(d, "X", "Y", given="Z")),
        ("I(X,Y;Z)", lambda d: mutual_information(d, ("X", "Y"), "Z")),
        ("I(X,Y;Z,W)", lambda d: mutual_information(d, ("X", "Y"), ("Z", "W"))),
        ("I(X;Y|Z,W)", lambda d: mutual_information(d, "X", "Y", given=("Z", "W"))),
        ("H(X|W=a)", lambda d: entropy(d.condition(W="a"), "X")),
        ("H(X|Y,W=b)", lambda d: entropy(d.condition(W="b"), "X", given="Y")),
        ("I(X;Y|Z=1)", lambda d: mutual_information(d.condition(Z=1), "X", "Y")),
        ("I(X;Y|Z=1,W=a)", lambda d: mutual_information(d.condition(Z=1, W="a"), "X", "Y")),
        ("H_1(X|Y)", lambda d: entropy(d, "X", given="Y")),
    ],
)
def test_agrees_with_the_functions(notation, function):
    assert info(FOUR, notation) == function(FOUR)


@pytest.mark.parametrize("base", [2, sympy.E, 10, R(3, 2), "e", "3"])
def test_base(base):
    assert info(FOUR, "I(X;Y|Z)", base=base) == mutual_information(FOUR, "X", "Y", given="Z", base=base)


def test_symbolic_table():
    p = sympy.Symbol("p")
    d = Distribution({(0, 0): p / 2, (0, 1): p / 2, (1, 1): 1 - p}, names=("X", "Y"))
    assert info(d, "H(X)") == entropy(d, "X")
    assert info(d, "H(Y|X=0)") == 1
    assert_exact(info(d, "I(X;Y)").subs(p, R(1, 2)), mutual_information(d.subs(p, "1/2"), "X", "Y"))


@settings(max_examples=25, deadline=None)
@given(joint_distributions(min_vars=3, max_vars=3, max_card=3))
def test_identities_through_the_notation(d):
    # Cover & Thomas, 2nd ed., eqs. (2.45) and (2.62): the chain rules.
    assert info(d, "H(X1,X2,X3) - H(X1) - H(X2|X1) - H(X3|X1,X2)") == 0
    assert info(d, "I(X1,X2;X3) - I(X1;X3) - I(X2;X3|X1)") == 0
    assert info(d, "I(X1;X2|X3)") == mutual_information(d, "X1", "X2", given="X3")


# -- Unicode ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "unicode, ascii_",
    [
        ("I(X;Y∣Z)", "I(X;Y|Z)"),
        ("H(X｜Y)", "H(X|Y)"),
        ("I(X ; Y ∣ Z)", "I(X;Y|Z)"),
        ("H(X) − H(X∣Y)", "H(X) - H(X|Y)"),
        ("H₂(X)", "H_2(X)"),
        ("H_∞(X)", "H_inf(X)"),
        ("H∞(X)", "H_inf(X)"),
        ("H_α(X)", "H_alpha(X)"),
        ("H_{β}(X)", "H_beta(X)"),
        ("D(P‖Q)", "D(P||Q)"),
        ("D(P∥Q)", "D(P||Q)"),
    ],
)
def test_unicode_is_the_same_as_ascii(unicode, ascii_):
    assert parse_notation(unicode) == parse_notation(ascii_)


def test_unicode_values():
    assert info(FOUR, "I(X;Y∣Z)") == info(FOUR, "I(X;Y|Z)")


# -- the parsed form and round trips -------------------------------------------------
@pytest.mark.parametrize(
    "text, canonical",
    [
        ("H(X)", "H(X)"),
        ("  H ( X , Y | Z ) ", "H(X,Y|Z)"),
        ("I(X;Y;Z|W)", "I(X;Y;Z|W)"),
        ("H(X|Y=3,Z)", "H(X|Z,Y=3)"),
        ("H(X|Y='a b')", "H(X|Y='a b')"),
        ('H(X|Y="it\'s")', 'H(X|Y="it\'s")'),
        ("H(X|Y='')", "H(X|Y='')"),
        ("H_{1/2}(X)", "H_{1/2}(X)"),
        ("H_0.5(X)", "H_{1/2}(X)"),
        ("H_1/2(X)", "H_{1/2}(X)"),
        ("H_oo(X)", "H_inf(X)"),
        ("H_{infinity}(X)", "H_inf(X)"),
        ("H_{ alpha }(X)", "H_alpha(X)"),
        ("-H(X) + 2H(Y) - 1/3 * I(X;Y)", "-H(X) + 2*H(Y) - 1/3*I(X;Y)"),
        ("+H(X)", "H(X)"),
        ("0.5*H(X)", "1/2*H(X)"),
        ("D(P(X|Y)||Q(X|Y))", "D(P(X|Y)||Q(X|Y))"),
        ("D( P ( X ) || Q ( X ) )", "D(P(X)||Q(X))"),
        ("H(X_1,x.y,α)", "H(X_1,x.y,α)"),
    ],
)
def test_canonical_spelling(text, canonical):
    parsed = parse_notation(text)
    assert str(parsed) == canonical
    assert parse_notation(canonical) == parsed


def test_parsed_structure():
    n = parse_notation("I(X,Y;Z|W,V=1) - 2*H_2(X)")
    (c1, m1), (c2, m2) = n.terms
    assert c1 == 1 and m1 == InformationTerm((("X", "Y"), ("Z",)), ("W",), (Event("V", "1"),))
    assert c2 == -2 and m2 == EntropyTerm(("X",), order=sympy.Integer(2))
    assert parse_notation("D(P||Q)").terms[0][1] == DivergenceTerm("P", "Q")
    assert isinstance(hash(n), int)


def test_symbolic_order_uses_given_symbols():
    a = sympy.Symbol("a", positive=True)
    order = parse_notation("H_a(X)", symbols={"a": a}).terms[0][1].order
    assert order is a
    assert parse_notation("H_alpha(X)").terms[0][1].order == sympy.Symbol("alpha")


_words = st.text(alphabet="XYZWab01_αβ.+*", min_size=1, max_size=4)
_groups = st.lists(_words, min_size=1, max_size=3).map(tuple)
_values = st.text(alphabet="0123ab xy,|()'", max_size=4).filter(lambda v: not ("'" in v and '"' in v))
_events = st.lists(st.builds(Event, _words, _values), max_size=2).map(tuple)
_orders = st.one_of(
    st.none(),
    st.integers(0, 50).map(sympy.Integer),
    st.fractions(min_value=0, max_value=10, max_denominator=20).map(
        lambda f: sympy.Rational(f.numerator, f.denominator)
    ),
    st.just(sympy.oo),
    st.sampled_from(["alpha", "beta", "a1"]).map(sympy.Symbol),
)


@st.composite
def _measures(draw):
    kind = draw(st.sampled_from("HID"))
    if kind == "H":
        order = draw(_orders)
        given_ = draw(_groups) if order is None or order == 1 else ()
        return EntropyTerm(draw(_groups), given_ if draw(st.booleans()) else (), draw(_events), order)
    if kind == "I":
        groups = tuple(draw(st.lists(_groups, min_size=2, max_size=4)))
        return InformationTerm(groups, draw(st.lists(_words, max_size=2).map(tuple)), draw(_events))
    names = draw(st.lists(_words, max_size=2).map(tuple))
    given_ = draw(st.lists(_words.filter(lambda w: w not in names), max_size=2).map(tuple)) if names else ()
    return DivergenceTerm(draw(_words), draw(_words), names, given_)


_notations = st.lists(
    st.tuples(st.fractions(min_value=-5, max_value=5, max_denominator=6).filter(bool), _measures()),
    min_size=1,
    max_size=3,
).map(lambda terms: Notation(tuple(terms)))


@settings(max_examples=100, deadline=None)
@given(_notations)
def test_round_trip(notation):
    text = str(notation)
    assert parse_notation(text) == notation
    assert str(parse_notation(text)) == text


# -- errors -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, message, position",
    [
        ("", "empty notation", 0),
        ("   ", "empty notation", 3),
        ("X", 'expected a measure H\\(...\\), I\\(...\\) or D\\(...\\) at position 0, found "X"', 0),
        ("h(X)", "expected a measure", 0),
        ("H", 'expected "\\(" at position 1, found end of input', 1),
        ("H X", 'expected "\\(" at position 2, found "X"', 2),
        ("H(", "expected a variable name at position 2, found end of input", 2),
        ("H()", 'expected a variable name at position 2, found "\\)"', 2),
        ("H(X", 'expected "," or "\\|" or "\\)" at position 3', 3),
        ("H(X Y)", 'expected "," or "\\|" or "\\)" at position 4, found "Y"', 4),
        ("H(X,)", 'expected a variable name at position 4, found "\\)"', 4),
        ("H(X;Y)", 'expected "," or "\\|" or "\\)" at position 3, found ";"', 3),
        ("H(X|)", 'expected a variable name at position 4, found "\\)"', 4),
        ("H(X|Y", 'expected "," or "\\)" at position 5', 5),
        ("H(X|Y=)", "expected a value such as 3 or 'a' at position 6, found \"\\)\"", 6),
        ("H(X|Y='a)", "unterminated quoted value starting at position 6", 6),
        ("H(X||Y)", 'expected "," or "\\|" or "\\)" at position 3, found "\\|"', 3),
        ("H(Y=1)", 'expected "," or "\\|" or "\\)" at position 3, found "="', 3),
        ("H(X))", 'expected "\\+", "-" or the end of the notation at position 4, found "\\)"', 4),
        ("H(X)H(Y)", 'expected "\\+", "-" or the end of the notation at position 4, found "H"', 4),
        ("H(X) +", "expected a measure .* at position 6, found end of input", 6),
        ("H(X) * 2", 'expected "\\+", "-" or the end', 5),
        ("I(X)", 'expected "," or ";" \\(I needs two groups of variables', 3),
        ("I(X;)", "expected a variable name at position 4", 4),
        ("I(X;Y", 'expected "," or "\\|" or "\\)" at position 5, found end of input', 5),
        ("I(X;Y||Z)", 'expected "," or "\\|" or "\\)" at position 5', 5),
        ("H_(X)", 'expected an order such as 2, \\{1/2\\}, inf or alpha after "_" at position 2', 2),
        ("H_{}(X)", "expected an order .* at position 3", 3),
        ("H_{2(X)", 'expected "}" to close the order at position 7', 7),
        ("H_2.(X)", "malformed order '2.' at position 2", 2),
        ("H_1/0(X)", "malformed order '1/0' at position 2", 2),
        ("H_{x y}(X)", "malformed order 'x y' at position 3", 3),
        ("H_{-1}(X)", "order -1 at position 3 is negative", 3),
        ("H_{−1/2}(X)", "order −1/2 at position 3 is negative", 3),
        ("H_{0}(X)", None, None),
        ("H_99999(X)", "order 99999 at position 2 is too large", 2),
        ("H_{1/99999}(X)", "order 1/99999 at position 3 is too large", 3),
        ("H_2 (X|Y)", "conditional Rényi entropy at position 7", 7),  # white space after the order is fine
        ("H_2(X|Y)", "conditional Rényi entropy at position 6 is not supported", 6),
        ("H_alpha(X|Y,Z)", "conditional Rényi entropy at position 10", 10),
        ("D(P)", 'expected "\\|\\|" between the two distributions, as in D\\(P\\|\\|Q\\) at position 3', 3),
        ("D(P|Q)", 'expected "\\|\\|" between the two distributions', 3),
        ("D(P||)", "expected the name of a distribution at position 5", 5),
        ("D(P(X)||Q)", "the second distribution at position 8 must be over the same variables", 8),
        ("D(P(X|Y)||Q(X|Z))", "the second distribution at position 10 must be over the same variables", 10),
        ("D(P||Q", 'expected "\\)" at position 6, found end of input', 6),
        ("2.5.1H(X)", "malformed coefficient '2.5.1' at position 0", 0),
        ("1/0 H(X)", "malformed coefficient '1/0' at position 0", 0),
        ("__import__('os').system('ls')", "expected a measure .* at position 0", 0),
        ("H(__import__('os'))", 'expected "," or "\\|" or "\\)" at position 12, found "\\("', 12),
        ("H(X|Y=__import__('os'))", 'expected "," or "\\)" at position 16, found "\\("', 16),
    ],
)
def test_parse_errors(text, message, position):
    if message is None:
        parse_notation(text)
        return
    with pytest.raises(ParseError, match=message) as caught:
        parse_notation(text)
    assert caught.value.position == position
    if text:
        # the message shows the text with a caret under the position
        lines = str(caught.value).splitlines()
        assert lines[-2] == f"    {text}"
        assert lines[-1] == "    " + " " * position + "^"


def test_too_long():
    with pytest.raises(ParseError, match=f"at most {MAX_LENGTH}"):
        parse_notation("H(" + "X," * MAX_LENGTH + "X)")


@pytest.mark.parametrize(
    "text, name, position",
    [
        ("H(V)", "V", 2),
        ("H(X|V)", "V", 4),
        ("I(X;V|Z)", "V", 4),
        ("I(X;Y|Z,V=1)", "V", 8),
        ("H(X) - H(x)", "x", 9),
        ("H(X,Y,Q,V)", "Q", 6),  # the first unknown name is reported
    ],
)
def test_unknown_variable_lists_the_known_ones(text, name, position):
    with pytest.raises(UnknownVariableError) as caught:
        info(FOUR, text)
    message = str(caught.value)
    assert message.splitlines()[0] == (
        f"unknown variable {name!r} at position {position}; the distribution's variables are X, Y, Z, W"
    )
    assert message.splitlines()[-1] == "    " + " " * position + "^"
    assert isinstance(caught.value, LookupError)


def test_event_with_a_value_that_never_occurs():
    with pytest.raises(
        ZeroProbabilityError,
        match="cannot condition on W=c: W never takes the value 'c'; its values are a, b",
    ):
        info(FOUR, "H(X|W=c)")


def test_event_of_probability_zero():
    with pytest.raises(ZeroProbabilityError, match="cannot condition on Y=4, X=2: it has probability 0"):
        info(BOOK_TABLE, "H(X|Y=4,X=2)")
    with pytest.raises(ZeroProbabilityError, match="cannot condition on Z=0, Z=1: it has probability 0"):
        info(FOUR, "H(X|Z=0,Z=1)")


def test_event_values_match_numbers_and_strings():
    d = Distribution(
        {(0, 1): "1/4", (1, R(1, 2)): "1/4", (1, "1/3"): "1/4", (0, -2): "1/8", (1, True): "1/8"},
        names=("X", "V"),
    )
    assert info(d, "H(X|V=1)") == 0  # the int 1, not True
    assert info(d, "H(X|V=0.5)") == info(d, "H(X|V=1/2)") == 0  # the Rational 1/2
    assert info(d, "H(X|V='1/3')") == 0  # the string
    assert info(d, "H(X|V=−2)") == info(d, "H(X|V=-2)") == 0
    assert info(d, "H(X|V=True)") == 0


def test_type_errors():
    with pytest.raises(TypeError, match="takes a Distribution"):
        info({"X": 1}, "H(X)")
    with pytest.raises(TypeError, match="a notation is a string"):
        info(FOUR, 3)
    with pytest.raises(TypeError, match="a notation is a string"):
        parse_notation(None)
    with pytest.raises(TypeError, match="needs a distribution"):
        info("H(X)")
    with pytest.raises(TypeError, match="unexpected keyword argument 'bse'"):
        info(FOUR, "H(X)", bse=2)


def test_a_parsed_notation_can_be_evaluated():
    n = parse_notation("I(X;Y|Z)")
    assert info(FOUR, n) == info(FOUR, "I(X;Y|Z)")


def test_sums_cancel_exactly():
    assert info(FOUR, "I(X;Y) - H(X) - H(Y) + H(X,Y)") == 0
    assert info(FOUR, "1/2*I(X;Y) + 1/2 I(Y;X) - I(X;Y)") == 0


# -- never anything but the documented errors, never code ------------------------------
@contextlib.contextmanager
def _no_code_evaluation():
    """Fail if text is passed to eval, exec or compile, or to sympy's string parser.

    Code objects and module bytes still go through: importing a module (which
    sympy does lazily) compiles and executes those.
    """

    def guard(original):
        def checked(source, *args, **kwargs):
            if isinstance(source, str):
                raise AssertionError(f"code evaluation attempted on {source!r}")
            return original(source, *args, **kwargs)

        return checked

    def parse_expr(*args, **kwargs):
        raise AssertionError(f"sympy's string parser called on {args[:1]!r}")

    with (
        mock.patch.object(builtins, "eval", guard(builtins.eval)),
        mock.patch.object(builtins, "exec", guard(builtins.exec)),
        mock.patch.object(builtins, "compile", guard(builtins.compile)),
        mock.patch("sympy.parsing.sympy_parser.parse_expr", parse_expr),
    ):
        yield


_DOCUMENTED = (ParseError, UnknownVariableError, ZeroProbabilityError)
_NOTATION_ALPHABET = "HIDXYZWab_{}()|;,=' \"0123./+-*∣‖∞α\\"


def _check_documented(text: str) -> None:
    with _no_code_evaluation():
        try:
            parse_notation(text)
        except ParseError:
            pass
        try:
            result = info(FOUR, text)
        except _DOCUMENTED:
            return
    assert isinstance(result, sympy.Expr)
    assert not result.has(sympy.nan, sympy.zoo, sympy.Float)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fuzz_arbitrary_text(text):
    _check_documented(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_NOTATION_ALPHABET, max_size=30))
def test_fuzz_notation_like_text(text):
    _check_documented(text)


@settings(max_examples=100, deadline=None)
@given(_notations)
def test_fuzz_well_formed_notation_on_a_table(notation):
    # Valid grammar with arbitrary names: evaluation fails only with the documented errors.
    _check_documented(str(notation))


def test_nothing_is_evaluated():
    flag = {}
    builtins_before = dict(vars(builtins))
    for text in [
        "H(X|Y=__import__('os').system('exit 3'))",
        "H(X) + globals().update(pwned=1)",
        "I(X;Y|Z=exec('flag[1]=1'))",
        "H_{__import__('os')}(X)",
        "D(P||Q)",
        'H(X|W=").__class__")',
    ]:
        with _no_code_evaluation(), pytest.raises(_DOCUMENTED):
            info(FOUR, text)
    assert flag == {}
    assert "pwned" not in globals()
    assert dict(vars(builtins)) == builtins_before


# -- measures from the other modules -------------------------------------------------
def test_co_information():
    from symentropy.measures.multivariate import co_information

    # Z = X xor Y: I(X;Y;Z) = I(X;Y) - I(X;Y|Z) = 0 - 1 (Cover & Thomas, 2nd ed., Problem 2.25 sign).
    assert info(XOR, "I(X;Y;Z)") == -1
    assert info(XOR, "I(X;Y;Z) - I(X;Y) + I(X;Y|Z)") == 0
    assert info(FOUR, "I(X;Y;Z|W)") == co_information(FOUR, "X", "Y", "Z", given="W")
    assert info(FOUR, "I(X,Y;Z;W)") == co_information(FOUR, ("X", "Y"), "Z", "W")
    assert info(FOUR, "I(X;Y;Z|W=a)") == co_information(FOUR.condition(W="a"), "X", "Y", "Z")


def test_renyi_entropies():
    from symentropy.measures.generalized import renyi_entropy

    d = Distribution.from_pmf(["1/2", "1/4", "1/4"])
    # From the definitions (A. Rényi, "On measures of entropy and information", 1961):
    # collision entropy -log2(1/4 + 1/16 + 1/16) = 3 - log2(3), min-entropy -log2(1/2) = 1,
    # Hartley entropy log2(3).
    assert_exact(info(d, "H_2(X)"), 3 - sympy.log(3) / sympy.log(2))
    assert_exact(info(d, "H_inf(X)"), sympy.Integer(1))
    assert_exact(info(d, "H_0(X)"), sympy.log(3) / sympy.log(2))
    assert info(d, "H_1(X)") == info(d, "H(X)") == R(3, 2)
    alpha = sympy.Symbol("alpha")
    symbolic = info(d, "H_alpha(X)")
    assert symbolic == renyi_entropy(d, alpha, "X")
    assert_exact(symbolic.subs(alpha, 2), 3 - sympy.log(3) / sympy.log(2))
    assert info(d, "H_{1/2}(X)") == renyi_entropy(d, R(1, 2), "X")
    assert info(FOUR, "H_2(X,Y|W=a)") == renyi_entropy(FOUR.condition(W="a"), 2, "X", "Y")
    assert info(d, "H_2(X)", base=sympy.E) == renyi_entropy(d, 2, "X", base=sympy.E)


def test_kl_divergence():
    from symentropy.measures.divergences import kl_divergence

    # Cover & Thomas, 2nd ed., Example 2.3.1 with r = 1/2, s = 1/4:
    # D(p||q) = 1 - (1/2) log2 3 = 0.2075 bit, D(q||p) = (3/4) log2 3 - 1 = 0.1887 bit.
    p = Distribution.from_pmf(["1/2", "1/2"])
    q = Distribution.from_pmf(["3/4", "1/4"])
    log2_3 = sympy.log(3) / sympy.log(2)
    assert_exact(info("D(P||Q)", P=p, Q=q), 1 - log2_3 / 2)
    assert_exact(info("D(Q||P)", P=p, Q=q), R(3, 4) * log2_3 - 1)
    assert round(float(info("D(P||Q)", P=p, Q=q)), 4) == 0.2075
    assert round(float(info("D(Q‖P)", P=p, Q=q)), 4) == 0.1887
    assert info("D(P||P)", P=p) == 0
    assert info("D(P(X)||Q(X))", P=p, Q=q) == kl_divergence(p, q, "X")
    joint_p, joint_q = FOUR, independent(FOUR.marginal("X", "Y"), FOUR.marginal("Z", "W"))
    assert info("D(P(X|Y)||Q(X|Y))", P=joint_p, Q=joint_q) == kl_divergence(joint_p, joint_q, "X", given="Y")
    assert info("D(P||Q) - D(Q||P)", P=p, Q=q) == kl_divergence(p, q) - kl_divergence(q, p)


def test_divergence_errors():
    p = Distribution.from_pmf(["1/2", "1/2"])
    with pytest.raises(
        UnknownVariableError, match="unknown distribution 'Q' at position 5; .* passed are: P"
    ):
        info("D(P||Q)", P=p)
    with pytest.raises(UnknownVariableError, match="unknown distribution 'P' .* passed are: none"):
        info(FOUR, "D(P||Q)")
    with pytest.raises(
        UnknownVariableError, match="unknown variable 'Y' at position 4; distribution P's variables are X"
    ):
        info("D(P(Y)||Q(Y))", P=p, Q=p)
    with pytest.raises(DistributionError, match="needs two distributions on the same variables"):
        info("D(P||Q)", P=FOUR, Q=p)
    with pytest.raises(TypeError, match="unexpected keyword argument 'Q'"):
        info("D(P||Q)", P=p, Q="1/2")


def test_infinite_divergences_do_not_cancel():
    p = Distribution.from_pmf(["1/2", "1/2"])
    q = Distribution.from_pmf([1, 0])
    assert info("D(P||Q)", P=p, Q=q) == sympy.oo
    with pytest.raises(ZeroProbabilityError, match="infinities of opposite signs"):
        info("D(P||Q) - D(P||Q)", P=p, Q=q)


# -- the method form ------------------------------------------------------------------
def test_method_form():
    assert FOUR.info("I(X;Y|Z)") == info(FOUR, "I(X;Y|Z)")
    assert BOOK_TABLE.info("H(X|Y)") == R(11, 8)
    assert BOOK_TABLE.info("H(X|Y)", base=sympy.E) == R(11, 8) * sympy.log(2)


def test_coefficients_are_exact():
    n = parse_notation("0.1*H(X) + 1/3 H(Y)")
    assert [c for c, _ in n.terms] == [Fraction(1, 10), Fraction(1, 3)]


def test_repeated_names_are_one_variable():
    assert info(FOUR, "H(X,X)") == info(FOUR, "H(X)")
    assert info(FOUR, "H_2(X,X)") == info(FOUR, "H_2(X)")
    assert info(FOUR, "H_inf(Y,X,Y)") == info(FOUR, "H_inf(X,Y)")
    assert info(FOUR, "I(X,X;Y;Z|W,W)") == info(FOUR, "I(X;Y;Z|W)")
    assert info(FOUR, "I(X;X)") == info(FOUR, "H(X)")


def test_symbolic_coefficients_parse_print_and_evaluate():
    from symentropy import independent, info, uniform
    from symentropy.kernel.notation import parse_notation

    a, b = sympy.symbols("a b")
    n = parse_notation("a*I(X;Y) + 2*b*H(X) - 1/2*a*b*H(Y)")
    assert [c for c, _ in n.terms] == [a, 2 * b, -a * b / 2]
    assert str(n) == "a*I(X;Y) + 2*b*H(X) - 1/2*a*b*H(Y)" and parse_notation(str(n)) == n
    d = independent(uniform(2), uniform(4).rename(X="Y"))
    assert info(d, "a*H(X) + 2*b*H(Y) - H(X,Y)") == a + 4 * b - 3
    with pytest.raises(ParseError, match="H names a measure"):
        parse_notation("H*I(X;Y)")
