"""The binary entropy function ``h(p)`` as a sympy ``Function``.

=====================================  ===============================================
expression                             value
=====================================  ===============================================
``binary_entropy(p)``                  ``-p log2 p - (1 - p) log2(1 - p)`` (bits)
``binary_entropy(p, E)``               the same in nats; any base accepted by ``base=``
``binary_entropy(p).diff(p)``          ``log2((1 - p)/p)``
``binary_entropy(p).rewrite(log)``     the sum of logarithms ``-p log(p)/log(2) - ...``
``expand_func(binary_entropy(p))``     ``-xlogx(p)/log(2) - ...``, as :func:`entropy` gives it
=====================================  ===============================================

``h(p)`` is the entropy of a coin that shows heads with probability ``p``
(Cover & Thomas, *Elements of Information Theory*, 2nd ed., eq. 2.5; MacKay's
``H_2(p)``).  Bits are the convention: ``binary_entropy(p)`` is in bits, and a
second argument (or ``base=``) names another base; base 2 is never stored, so
``binary_entropy(p, 2) == binary_entropy(p)``.

The function is a short name for a long expression: the parametric families
of :mod:`symentropy.models.families` use it (a geometric distribution has entropy
``binary_entropy(p)/p``), while the measures of :mod:`symentropy.measures.shannon`
keep returning sums of logarithms.  Everything sympy does with a function works
on it:

* values: ``h(0) = h(1) = 0`` and ``h(1/2) = 1`` bit, also after ``subs``;
  at any other rational ``p`` the value is evaluated to symentropy's
  canonical exact form (``h(1/4) = 2 - 3 log2(3)/4``); elsewhere it stays
  unevaluated and ``evalf`` gives any number of digits;
* calculus: ``diff`` (:meth:`binary_entropy.fdiff`), ``series`` and ``limit``
  (through the logarithmic form, so ``limit(h(p)/p, p, 1) = 0`` with no
  ``nan``); ``solve`` sees the logarithmic form;
* code: ``lambdify`` prints a form that is ``0`` at ``p = 0`` and ``p = 1``
  instead of ``0*log(0) = nan``;
* printing: LaTeX ``h(p)`` in bits and ``h_{b}(p)`` in base ``b``.

Examples
========

>>> from sympy import E, Rational, Symbol, diff, latex, limit, log
>>> from symentropy.kernel.binary_entropy import binary_entropy
>>> p = Symbol("p", positive=True)
>>> binary_entropy(p).subs(p, 0), binary_entropy(Rational(1, 2))
(0, 1)
>>> binary_entropy(Rational(1, 4))
-3*log(3)/(4*log(2)) + 2
>>> diff(binary_entropy(p), p)
(-log(p) + log(1 - p))/log(2)
>>> binary_entropy(p).rewrite(log)
-p*log(p)/log(2) - (1 - p)*log(1 - p)/log(2)
>>> limit(binary_entropy(p)/p, p, 1)
0
>>> binary_entropy(Rational(1, 10)).evalf(30)
0.468995593589281221253589330383
>>> latex(binary_entropy(p)), latex(binary_entropy(p, base=E))
('h\\\\left(p\\\\right)', 'h_{e}\\\\left(p\\\\right)')

References
==========

T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
Wiley, 2006, eq. (2.5) and Figure 2.1.

D. J. C. MacKay, *Information Theory, Inference, and Learning Algorithms*,
Cambridge University Press, 2003, eq. (1.14).
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy.core.logic import fuzzy_and, fuzzy_or

from ..errors import DistributionError
from .exact import GatedSubs, as_exact
from .logbase import Base, as_base
from .logsum import LogSum
from .members import ConciseFunctionClass
from .numeric import known_sign
from .xlogx import xlogx

__all__ = ["binary_entropy"]

_TWO = sympy.Integer(2)


def _in_unit_interval(p: sympy.Expr) -> bool | None:
    """Fuzzy ``0 <= p <= 1``."""
    return fuzzy_and([p.is_nonnegative, (1 - p).is_nonnegative])


def _strictly_inside(p: sympy.Expr) -> bool | None:
    """Fuzzy ``0 < p < 1``."""
    return fuzzy_and([p.is_positive, (1 - p).is_positive])


class binary_entropy(GatedSubs, sympy.Function, metaclass=ConciseFunctionClass):
    r"""The binary entropy function ``h(p) = -p log p - (1 - p) log(1 - p)``.

    Explanation
    ===========

    ``binary_entropy(p)`` is in bits; ``binary_entropy(p, b)`` or
    ``binary_entropy(p, base=b)`` in base ``b`` (``sympy.E`` for nats).
    ``h(0) = h(1) = 0``; at a rational ``0 < p < 1`` the value is the exact
    canonical expression that :func:`symentropy.entropy` gives for a coin
    with bias ``p``.  Outside ``[0, 1]`` it is the analytic continuation of
    the logarithmic form (complex in general), as for ``log``.

    Examples
    ========

    >>> from sympy import E, Rational, Symbol, solve, diff, lambdify
    >>> from symentropy.kernel.binary_entropy import binary_entropy
    >>> p = Symbol("p", positive=True)
    >>> binary_entropy(Rational(1, 3))
    -2/3 + log(3)/log(2)
    >>> binary_entropy(Rational(1, 2), base=E)
    log(2)
    >>> solve(diff(binary_entropy(p), p), p)
    [1/2]
    >>> f = lambdify(p, binary_entropy(p), "math")
    >>> f(0), f(0.5)
    (0, 1.0)

    Parameters
    ==========

    p : sympy expression, int, Fraction or str
        The probability.  Python floats are refused (see
        :func:`symentropy.kernel.exact.as_exact`); sympy ``Float`` values are
        accepted, as ``evalf`` and ``subs`` produce them.
    base : 2, sympy.E, 10, a positive rational or a Symbol
        Base of the logarithm; 2 (bits) by default.

    See Also
    ========

    symentropy.measures.shannon.entropy, symentropy.models.families.bernoulli

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, eq. (2.5).
    """

    nargs = (1, 2)

    def __new__(cls, p: Any, base: Base = 2, *, evaluate: bool | None = None) -> sympy.Expr:
        if not isinstance(p, sympy.Basic):
            p = as_exact(p, what="argument of binary_entropy")
        if isinstance(p, sympy.Expr) and p.is_number and (known_sign(p) == -1 or known_sign(p - 1) == 1):
            raise DistributionError(f"binary_entropy(p) needs 0 <= p <= 1, got p = {p}")
        b = as_base(base)
        args = (p,) if b == _TWO else (p, b)
        if evaluate is None:
            return super().__new__(cls, *args)
        return super().__new__(cls, *args, evaluate=evaluate)

    @classmethod
    def eval(cls, p: sympy.Expr, base: sympy.Expr | None = None) -> sympy.Expr | None:
        """Evaluate at ``0``, ``1`` and rational ``p`` (sympy calls this with sympified arguments)."""
        for value in (p, base):
            if value is not None and not isinstance(value, sympy.Expr):
                raise TypeError(f"binary_entropy takes sympy expressions, got {value!r}")
        b = _TWO if base is None else base
        if p.is_zero or (p - 1).is_zero:
            return sympy.Integer(0)
        if p.is_Rational and 0 < p < 1:
            return LogSum.entropy_of([p, 1 - p]).to_expr(b)
        return None

    # -- the base ---------------------------------------------------------------
    @property
    def base(self) -> sympy.Expr:
        """The base of the logarithm (2 unless a second argument was given)."""
        return self.args[1] if len(self.args) == 2 else _TWO

    @property
    def probability(self) -> sympy.Expr:
        """The argument ``p``."""
        return self.args[0]

    def _divisor(self) -> sympy.Expr:
        return sympy.log(self.base)

    def _log_form(self) -> sympy.Expr:
        """``-p log(p)/log(b) - (1 - p) log(1 - p)/log(b)``, the shape :func:`entropy` uses."""
        p = self.args[0]
        inverse = sympy.Pow(self._divisor(), -1)
        q = 1 - p
        return sympy.Add(
            sympy.Mul(sympy.Integer(-1), p, sympy.log(p), inverse),
            sympy.Mul(sympy.Integer(-1), q, sympy.log(q), inverse),
        )

    def _entropy_form(self) -> sympy.Expr:
        """``-xlogx(p)/log(b) - xlogx(1 - p)/log(b)``: what :func:`entropy` gives for a coin."""
        p = self.args[0]
        inverse = sympy.Pow(self._divisor(), -1)
        return sympy.Add(
            sympy.Mul(sympy.Integer(-1), xlogx(p), inverse),
            sympy.Mul(sympy.Integer(-1), xlogx(1 - p), inverse),
        )

    def _safe_form(self) -> sympy.Expr:
        """The logarithmic form, with the value 0 at ``p = 0`` and ``p = 1`` made explicit."""
        p = self.args[0]
        # Unevaluated: assumptions on ``p`` (say ``positive=True``) must not remove
        # a branch that generated code needs for the input 0.
        at_ends = sympy.Or(sympy.Eq(p, 0, evaluate=False), sympy.Eq(p, 1, evaluate=False))
        return sympy.Piecewise((sympy.Integer(0), at_ends), (self._log_form(), True), evaluate=False)

    # -- calculus ---------------------------------------------------------------
    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        """Derivative: ``d h_b(p)/dp = log_b((1 - p)/p)`` (written as a difference of logs).

        With respect to the base, ``d h_b(p)/db = -h_b(p)/(b log b)``.
        """
        p = self.args[0]
        if argindex == 1:
            return (sympy.log(1 - p) - sympy.log(p)) / self._divisor()
        if argindex == 2 and len(self.args) == 2:
            b = self.base
            return -self / (b * sympy.log(b))
        raise sympy.ArgumentIndexError(self, argindex)

    def _eval_nseries(self, x: sympy.Symbol, n: int, logx: Any, cdir: Any = 0) -> sympy.Expr:
        return self._log_form()._eval_nseries(x, n, logx, cdir)

    def _eval_as_leading_term(self, x: sympy.Symbol, logx: Any = None, cdir: Any = 0) -> sympy.Expr:
        return self._log_form().as_leading_term(x, logx=logx, cdir=cdir)

    # -- rewriting --------------------------------------------------------------
    # sympy calls these hooks with the arguments and rewrite hints; the hints are
    # part of sympy's protocol and are not used here.
    def _eval_rewrite_as_log(self, p: sympy.Expr, base: sympy.Expr | None = None, **hints: Any) -> sympy.Expr:
        return self._log_form()

    # ``solve`` rewrites an unknown function in terms of ``exp`` before giving up
    # on a transcendental equation; the logarithmic form is the elementary form
    # it can work with, so it is offered there too.
    _eval_rewrite_as_exp = _eval_rewrite_as_log

    def _eval_rewrite_as_Piecewise(
        self, p: sympy.Expr, base: sympy.Expr | None = None, **hints: Any
    ) -> sympy.Expr:
        return self._safe_form()

    def _eval_expand_func(self, **hints: Any) -> sympy.Expr:
        return self._entropy_form()

    def _eval_rewrite_as_xlogx(
        self, p: sympy.Expr, base: sympy.Expr | None = None, **hints: Any
    ) -> sympy.Expr:
        return self._entropy_form()

    # -- numerical evaluation ---------------------------------------------------
    def _eval_evalf(self, prec: int) -> sympy.Expr | None:
        if not all(a.is_number for a in self.args):
            return None
        dps = sympy.core.evalf.prec_to_dps(prec)
        return self._log_form().evalf(dps + 2)

    # -- assumptions ------------------------------------------------------------
    def _base_above_one(self) -> bool | None:
        return (self.base - 1).is_positive

    def _eval_is_extended_real(self) -> bool | None:
        p = self.args[0]
        if _in_unit_interval(p) and self.base.is_positive:
            return True
        if p.is_extended_real and fuzzy_or([p.is_negative, (p - 1).is_positive]):
            return False
        return None

    def _eval_is_finite(self) -> bool | None:
        if _in_unit_interval(self.args[0]):
            return True
        return None

    def _eval_is_zero(self) -> bool | None:
        p = self.args[0]
        if p.is_zero or (p - 1).is_zero:
            return True
        if _strictly_inside(p):
            return False
        return None

    def _eval_is_nonnegative(self) -> bool | None:
        p = self.args[0]
        if _in_unit_interval(p):
            above = self._base_above_one()
            if above:
                return True
            if above is False and _strictly_inside(p):
                return False
        return None

    def _eval_is_positive(self) -> bool | None:
        p = self.args[0]
        if p.is_zero or (p - 1).is_zero:
            return False
        if _strictly_inside(p):
            above = self._base_above_one()
            if above is not None:
                return above
        return None

    def _eval_is_extended_negative(self) -> bool | None:
        return False if self._eval_is_nonnegative() else None

    # -- printing ---------------------------------------------------------------
    def _latex(self, printer: Any, exp: Any = None) -> str:
        p = printer._print(self.args[0])
        name = "h" if len(self.args) == 1 else rf"h_{{{printer._print(self.base)}}}"
        if exp is not None:
            name = rf"{name}^{{{exp}}}"
        return rf"{name}\left({p}\right)"

    def _print_as_code(self, printer: Any) -> str:
        return printer._print(self._safe_form())

    # Code printers (lambdify and the language printers) look for these names.
    _pythoncode = _mpmathcode = _cmathcode = _lambdacode = _numexprcode = _print_as_code
    _numpycode = _scipycode = _cupycode = _jaxcode = _tensorflowcode = _torchcode = _print_as_code
    _ccode = _cxxcode = _fcode = _octave = _julia = _javascript = _rust_code = _print_as_code
