"""Unevaluated information measures: ``H(X|Y)`` as a sympy expression.

=====================================  ===============================================
class                                  prints as, and ``.doit()`` calls
=====================================  ===============================================
:class:`Entropy`                       ``H(X)``, ``H(X,Y)``: :func:`~symentropy.entropy`
:class:`ConditionalEntropy`            ``H(X|Y)``: :func:`~symentropy.conditional_entropy`
:class:`MutualInformation`             ``I(X;Y)``, ``I(X;Y|Z)``:
                                       :func:`~symentropy.mutual_information`
:class:`KLDivergence`                  ``D(P||Q)``:
                                       :func:`~symentropy.measures.divergences.kl_divergence`
=====================================  ===============================================

These objects are to :func:`~symentropy.entropy` what sympy's ``Integral``
is to ``integrate``: they stand for a quantity without computing it, print
in textbook notation (``str``, ``pprint``, ``latex`` and Jupyter), take part
in sympy arithmetic, and evaluate with ``.doit()`` (exactly) or ``.evalf()``
(numerically).  A derivation can be written first and evaluated at the end:

>>> from symentropy import Distribution
>>> from symentropy.display.expressions import Entropy, ConditionalEntropy, MutualInformation
>>> d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
>>> identity = Entropy(d, "X") - ConditionalEntropy(d, "X", "Y")
>>> identity
-H(X|Y) + H(X)
>>> identity.doit() == MutualInformation(d, "X", "Y").doit()
True
>>> MutualInformation(d, "X", "Y").doit()
-4/3 + log(3)/log(2)

Design
======

sympy rebuilds expressions as ``obj.func(*obj.args)`` (in ``subs``,
``xreplace``, pickling, ``copy``), and every arg must be a ``Basic``.  The
distribution, which is not a ``Basic``, is carried by a small atom,
:class:`DistributionAtom`, whose identity is the distribution's value;
variable names are :class:`sympy.core.symbol.Str`, so they do not appear in
``free_symbols``.  The constructors accept either the friendly form
(``Entropy(d, "X", given="Y", base=2)``) or exactly the stored args (an
atom first), so ``func(*args)`` is always a faithful copy.  Symbols of a
symbolic table are the expression's ``free_symbols``, and ``subs`` reaches
into the table (revalidating it).

Base 2 is the default and is not shown; other bases are shown as in Cover &
Thomas (``H_b(X)``, eq. 2.3) in LaTeX and as ``base=...`` in text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy
from mpmath.libmp import prec_to_dps
from sympy.core.basic import Atom, Basic
from sympy.core.expr import Expr
from sympy.core.symbol import Str
from sympy.printing.pretty.stringpict import prettyForm

from ..core.distribution import Distribution
from ..core.labels import latex_name
from ..core.names import as_group, name_arguments
from ..errors import DistributionError
from ..kernel.exact import GatedSubs
from ..kernel.logbase import Base, as_base
from ..measures.divergences import kl_divergence
from ..measures.shannon import entropy, mutual_information
from ..models.continuous import ContinuousDistribution
from ..models.families import FormulaDistribution

__all__ = [
    "DistributionAtom",
    "InformationMeasure",
    "Entropy",
    "ConditionalEntropy",
    "MutualInformation",
    "KLDivergence",
]


class DistributionAtom(Atom):
    """A distribution as an atom of a sympy expression.

    Explanation
    ===========

    Two atoms are equal when their distributions are equal.  ``free_symbols``
    are the symbols of the probabilities; ``subs`` and ``xreplace`` act on
    the probabilities and revalidate the table (a substitution that makes
    it invalid raises :class:`~symentropy.errors.DistributionError`).

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy import Distribution
    >>> from symentropy.display.expressions import DistributionAtom
    >>> p = Symbol("p")
    >>> a = DistributionAtom(Distribution.from_pmf([p, 1 - p]))
    >>> a.free_symbols
    {p}
    >>> a.subs(p, 0).distribution
    Distribution.from_dict({0: '0', 1: '1'}, name='X')
    """

    __slots__ = ("_distribution",)

    _distribution: Any

    def __new__(cls, distribution: Any) -> DistributionAtom:
        if isinstance(distribution, DistributionAtom):
            return distribution
        if not isinstance(distribution, (Distribution, FormulaDistribution, ContinuousDistribution)):
            raise TypeError(f"expected a distribution, got {distribution!r}")
        obj = super().__new__(cls)
        obj._distribution = distribution
        return obj

    @property
    def distribution(self) -> Any:
        """The distribution this atom stands for."""
        return self._distribution

    def __getnewargs__(self) -> tuple:
        return (self._distribution,)

    def _hashable_content(self) -> tuple:
        return (type(self._distribution).__name__, self._distribution)

    @property
    def free_symbols(self) -> set[Basic]:
        return set(getattr(self._distribution, "free_symbols", set()))

    def compare(self, other: Basic) -> int:
        """A total order for sympy's sorting: by the distributions' ``repr``."""
        if not isinstance(other, DistributionAtom):
            return super().compare(other)
        if self == other:
            return 0
        a, b = repr(self._distribution), repr(other._distribution)
        if a == b:
            a, b = str(hash(self._distribution)), str(hash(other._distribution))
        return (a > b) - (a < b)

    def _eval_subs(self, old: Basic, new: Basic) -> DistributionAtom | None:
        d = self._distribution
        if not hasattr(d, "subs") or not (old.free_symbols & self.free_symbols):
            return None
        return DistributionAtom(d.subs(old, new))

    def _xreplace(self, rule: dict) -> tuple[Basic, bool]:
        if self in rule:
            return rule[self], True
        d = self._distribution
        if not isinstance(d, Distribution) or not d.is_symbolic:
            return self, False
        probabilities = [p.xreplace(rule) for p in d.probabilities]
        if all(a is b for a, b in zip(probabilities, d.probabilities, strict=True)):
            return self, False
        pmf = dict(zip(d.outcomes, probabilities, strict=True))
        return DistributionAtom(Distribution.from_dict(pmf, names=d.names)), True

    def _sympystr(self, printer: Any) -> str:
        return f"DistributionAtom({self._distribution!r})"

    def _sympyrepr(self, printer: Any) -> str:
        return f"DistributionAtom({self._distribution!r})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        return printer._print(self._distribution)

    def _pretty(self, printer: Any) -> Any:
        return printer._print(self._distribution)


def _tuple(names: Sequence[str]) -> sympy.Tuple:
    return sympy.Tuple(*(Str(n) for n in names))


def _strings(t: sympy.Tuple) -> tuple[str, ...]:
    return tuple(s.name for s in t.args)


def _known(d: Any, names: Sequence[str]) -> None:
    if isinstance(d, Distribution):
        d.positions(names)  # raises UnknownVariableError naming the bad variable


def _stored(args: tuple, count: int) -> bool:
    """True when ``args`` are exactly the stored args (an atom first, then Basic objects)."""
    return (
        len(args) == count
        and isinstance(args[0], DistributionAtom)
        and all(isinstance(a, Basic) for a in args)
    )


class InformationMeasure(GatedSubs, Expr):
    """Base class of the unevaluated measures.

    Subclasses define ``doit`` and the text of their notation.  Values are
    real; they are nonnegative when the logarithm base is provably greater
    than 1.
    """

    is_commutative = True

    @property
    def base(self) -> sympy.Expr:
        """The logarithm base."""
        raise NotImplementedError

    @property
    def distribution(self) -> Any:
        """The (first) distribution the measure is taken of."""
        return self.args[0].distribution

    def _eval_is_extended_real(self) -> bool:
        return True

    def _eval_is_nonnegative(self) -> bool | None:
        return True if (self.base - 1).is_positive else None

    def _eval_evalf(self, prec: int) -> sympy.Expr:
        return self.doit().evalf(prec_to_dps(prec))

    # -- printing ------------------------------------------------------------
    def _parts(self) -> tuple[str, list[list[str]], tuple[str, ...]]:
        """(letter, groups of names, names after the bar)."""
        raise NotImplementedError

    def _body(self, name: Any, sep_group: str, sep_bar: str) -> str:
        letter, groups, given = self._parts()
        body = sep_group.join(",".join(name(n) for n in g) for g in groups)
        if given:
            body += sep_bar + ",".join(name(n) for n in given)
        return body

    def _sympystr(self, printer: Any) -> str:
        letter = self._parts()[0]
        body = self._body(str, ";", "|")
        if self.base != 2:
            body += f", base={printer._print(self.base)}"
        return f"{letter}({body})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        letter = self._parts()[0]
        body = self._body(lambda n: latex_name(n, printer), "; ", r" \mid ").replace(",", ", ")
        head = letter if self.base == 2 else f"{letter}_{{{printer._print(self.base)}}}"
        tex = f"{head}({body})"
        return f"{tex}^{{{exp}}}" if exp is not None else tex

    def _pretty(self, printer: Any) -> Any:
        return prettyForm(self._sympystr(printer))


def _make_entropy(
    atom: DistributionAtom, names: sympy.Tuple, given: sympy.Tuple, base: sympy.Expr
) -> Entropy:
    cls = ConditionalEntropy if given.args else Entropy
    return Expr.__new__(cls, atom, names, given, base)


class Entropy(InformationMeasure):
    """The unevaluated entropy ``H(names | given)``.

    Explanation
    ===========

    ``Entropy(d, "X", "Y")`` is the joint entropy ``H(X,Y)``; with
    ``given=...`` it is a :class:`ConditionalEntropy`.  With no names, all
    variables of ``d``.  ``.doit()`` returns
    ``entropy(d, *names, given=given, base=base)``.

    Examples
    ========

    >>> from sympy import E, latex, Symbol
    >>> from symentropy import Distribution, uniform
    >>> from symentropy.display.expressions import Entropy
    >>> h = Entropy(uniform(range(1, 7), name="X"))
    >>> h, h.doit(), h.evalf(5)
    (H(X), 1 + log(3)/log(2), 2.5850)
    >>> print(latex(Entropy(uniform(6), base=E)))
    H_{e}(X)
    >>> p = Symbol("p")
    >>> hp = Entropy(Distribution.from_pmf([p, 1 - p]))
    >>> hp.free_symbols
    {p}
    >>> hp.subs(p, "1/2").doit()
    1

    Parameters
    ==========

    distribution : Distribution
    names : str
        Variables whose joint entropy is meant; all variables if none.
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    symentropy.measures.shannon.entropy, ConditionalEntropy, MutualInformation
    """

    def __new__(cls, distribution: Any, *names: Any, given: Any = (), base: Base = 2) -> Entropy:
        args = (distribution, *names)
        if _stored(args, 4):
            return _make_entropy(*args)  # type: ignore[arg-type]
        return _entropy_from(distribution, names, given, base)

    @property
    def names(self) -> tuple[str, ...]:
        """The variables before the bar."""
        return _strings(self.args[1])

    @property
    def given(self) -> tuple[str, ...]:
        """The variables after the bar."""
        return _strings(self.args[2])

    @property
    def base(self) -> sympy.Expr:
        return self.args[3]

    def _parts(self) -> tuple[str, list[list[str]], tuple[str, ...]]:
        return "H", [list(self.names)], self.given

    def doit(self, **hints: Any) -> sympy.Expr:
        return entropy(self.distribution, *self.names, given=self.given, base=self.base)


def _entropy_from(distribution: Any, names: tuple, given: Any, base: Base) -> Entropy:
    if not isinstance(distribution, Distribution):
        raise TypeError(f"expected a Distribution, got {type(distribution).__name__}")
    name_arguments(names, "Entropy(d, 'X', 'Y')")
    targets = tuple(names) if names else distribution.names
    conditioning = as_group(given, "given")
    _known(distribution, targets + conditioning)
    return _make_entropy(DistributionAtom(distribution), _tuple(targets), _tuple(conditioning), as_base(base))


class ConditionalEntropy(Entropy):
    """The unevaluated conditional entropy ``H(names | given)``.

    ``ConditionalEntropy(d, "X", "Y")`` is the same object as
    ``Entropy(d, "X", given="Y")``; ``.doit()`` returns
    ``conditional_entropy(d, names, given, base=base)``.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.display.expressions import ConditionalEntropy, Entropy
    >>> d = Distribution.from_table([["1/3", "1/3"], [0, "1/3"]], names=("X", "Y"))
    >>> c = ConditionalEntropy(d, "X", "Y")
    >>> c, c.doit()
    (H(X|Y), 2/3)
    >>> c == Entropy(d, "X", given="Y")
    True

    Parameters
    ==========

    distribution : Distribution
    names : str or tuple of str
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    Entropy, symentropy.measures.shannon.conditional_entropy
    """

    def __new__(
        cls, distribution: Any, names: Any = None, given: Any = None, *args: Any, base: Base = 2
    ) -> Entropy:  # type: ignore[override]
        stored = (distribution, names, given, *args)
        if _stored(stored, 4):
            return _make_entropy(*stored)  # type: ignore[arg-type]
        if names is None or given is None or args:
            raise TypeError(
                "ConditionalEntropy(d, names, given, *, base=2) takes a distribution and two groups of names"
            )
        group = as_group(names, "names")
        if not group:
            raise DistributionError("ConditionalEntropy() needs at least one variable before the bar")
        return _entropy_from(distribution, group, given, base)


class MutualInformation(InformationMeasure):
    """The unevaluated mutual information ``I(a; b | given)``.

    Explanation
    ===========

    Each of ``a``, ``b`` and ``given`` is a variable name or a tuple of
    names.  ``.doit()`` returns ``mutual_information(d, a, b, given=given,
    base=base)``.

    Examples
    ========

    >>> from sympy import latex
    >>> from symentropy import uniform, independent
    >>> from symentropy.display.expressions import MutualInformation
    >>> bits = independent(uniform(2, name="X"), uniform(2, name="Y"))
    >>> xor = bits.with_variable("Z", lambda x, y: x ^ y)
    >>> i = MutualInformation(xor, "X", "Y", given="Z")
    >>> i, i.doit()
    (I(X;Y|Z), 1)
    >>> print(latex(i))
    I(X; Y \\mid Z)
    >>> MutualInformation(xor, ("X", "Y"), "Z")
    I(X,Y;Z)

    Parameters
    ==========

    distribution : Distribution
    a, b : str or tuple of str
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    symentropy.measures.shannon.mutual_information, Entropy
    """

    def __new__(
        cls, distribution: Any, a: Any, b: Any, *args: Any, given: Any = (), base: Base = 2
    ) -> MutualInformation:
        stored = (distribution, a, b, *args)
        if _stored(stored, 5):
            return Expr.__new__(cls, *stored)
        if args:
            raise TypeError(
                "MutualInformation(d, a, b, *, given=(), base=2) takes a distribution and two groups"
            )
        if not isinstance(distribution, Distribution):
            raise TypeError(f"expected a Distribution, got {type(distribution).__name__}")
        ga, gb, gc = as_group(a, "a"), as_group(b, "b"), as_group(given, "given")
        if not ga or not gb:
            raise DistributionError("MutualInformation() needs a variable on each side of ';'")
        _known(distribution, ga + gb + gc)
        return Expr.__new__(
            cls, DistributionAtom(distribution), _tuple(ga), _tuple(gb), _tuple(gc), as_base(base)
        )

    @property
    def a(self) -> tuple[str, ...]:
        """The variables before the semicolon."""
        return _strings(self.args[1])

    @property
    def b(self) -> tuple[str, ...]:
        """The variables after the semicolon."""
        return _strings(self.args[2])

    @property
    def given(self) -> tuple[str, ...]:
        """The variables after the bar."""
        return _strings(self.args[3])

    @property
    def base(self) -> sympy.Expr:
        return self.args[4]

    def _parts(self) -> tuple[str, list[list[str]], tuple[str, ...]]:
        return "I", [list(self.a), list(self.b)], self.given

    def doit(self, **hints: Any) -> sympy.Expr:
        return mutual_information(self.distribution, self.a, self.b, given=self.given, base=self.base)


class KLDivergence(InformationMeasure):
    """The unevaluated relative entropy ``D(P || Q)``.

    Explanation
    ===========

    ``labels`` are the letters printed for the two distributions (``P``
    and ``Q`` by default).  With names, both distributions are restricted to
    them, and the notation becomes ``D(P(X)||Q(X))``; with ``given``, the
    conditional divergence ``D(P(Y|X)||Q(Y|X))``.  ``.doit()`` returns
    :func:`symentropy.measures.divergences.kl_divergence`, which may be ``oo``.

    Examples
    ========

    Cover & Thomas, Example 2.3.1, with ``r = 1/2`` and ``s = 1/4``:

    >>> from symentropy import Distribution
    >>> from symentropy.display.expressions import KLDivergence
    >>> p = Distribution.from_pmf(["1/2", "1/2"])
    >>> q = Distribution.from_pmf(["3/4", "1/4"])
    >>> KLDivergence(p, q), KLDivergence(p, q).doit()
    (D(P||Q), -log(3)/(2*log(2)) + 1)
    >>> KLDivergence(q, p, labels=("q", "p"))
    D(q||p)

    Parameters
    ==========

    p, q : Distribution
    names : str
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol
    labels : pair of str
        How the two distributions are printed.

    See Also
    ========

    symentropy.measures.divergences.kl_divergence
    """

    def __new__(
        cls,
        p: Any,
        q: Any,
        *names: Any,
        given: Any = (),
        base: Base = 2,
        labels: tuple[str, str] = ("P", "Q"),
    ) -> KLDivergence:
        stored = (p, q, *names)
        if len(stored) == 7 and isinstance(p, DistributionAtom) and isinstance(q, DistributionAtom):
            if all(isinstance(a, Basic) for a in stored):
                return Expr.__new__(cls, *stored)
        name_arguments(names, "KLDivergence(p, q, 'X')")
        if len(labels) != 2 or not all(isinstance(s, str) and s for s in labels):
            raise TypeError(f"labels must be two nonempty strings, got {labels!r}")
        conditioning = as_group(given, "given")
        for d in (p, q):
            _known(d, tuple(names) + conditioning)
        return Expr.__new__(
            cls,
            DistributionAtom(p),
            DistributionAtom(q),
            _tuple(names),
            _tuple(conditioning),
            as_base(base),
            Str(labels[0]),
            Str(labels[1]),
        )

    @property
    def p(self) -> Any:
        """The first distribution."""
        return self.args[0].distribution

    @property
    def q(self) -> Any:
        """The second distribution."""
        return self.args[1].distribution

    @property
    def names(self) -> tuple[str, ...]:
        """The variables compared (all if empty)."""
        return _strings(self.args[2])

    @property
    def given(self) -> tuple[str, ...]:
        """The conditioning variables."""
        return _strings(self.args[3])

    @property
    def base(self) -> sympy.Expr:
        return self.args[4]

    @property
    def labels(self) -> tuple[str, str]:
        """The letters printed for the two distributions."""
        return self.args[5].name, self.args[6].name

    def _parts(self) -> tuple[str, list[list[str]], tuple[str, ...]]:
        raise NotImplementedError  # D has its own layout

    def _side(self, label: str, name: Any, bar: str) -> str:
        if not self.names and not self.given:
            return label
        compared = self.names or getattr(self.p, "names", ())
        targets = [n for n in compared if n not in self.given]
        inner = ",".join(name(n) for n in targets)
        if self.given:
            inner += bar + ",".join(name(n) for n in self.given)
        return f"{label}({inner})"

    def _sympystr(self, printer: Any) -> str:
        first, second = (self._side(s, str, "|") for s in self.labels)
        tail = f", base={printer._print(self.base)}" if self.base != 2 else ""
        return f"D({first}||{second}{tail})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        def side(label: str) -> str:
            text = self._side(latex_name(label, printer), lambda n: latex_name(n, printer), r" \mid ")
            return text.replace(",", ", ")

        head = "D" if self.base == 2 else f"D_{{{printer._print(self.base)}}}"
        tex = rf"{head}({side(self.labels[0])} \,\|\, {side(self.labels[1])})"
        return f"{tex}^{{{exp}}}" if exp is not None else tex

    def doit(self, **hints: Any) -> sympy.Expr:
        return kl_divergence(self.p, self.q, *self.names, given=self.given, base=self.base)
