"""``x log x`` as a sympy ``Function`` that is ``0`` at ``x = 0``.

Information theory reads ``0 log 0`` as ``0``, the limit of ``x log x`` at
``0`` (Cover & Thomas, *Elements of Information Theory*, 2nd ed., p. 14),
while sympy's ``0*log(0)`` is ``nan``.  The symbolic results of the measures
write each term ``-p log p`` as ``-xlogx(p)``, so that substituting a value at
the edge of the domain gives the book's answer:

>>> from sympy import Rational, Symbol, diff, limit, log, solve
>>> from symentropy import Distribution, entropy
>>> from symentropy.kernel.xlogx import xlogx
>>> p = Symbol("p")
>>> h = entropy(Distribution.from_pmf([p, 1 - p]))
>>> h
-xlogx(p)/log(2) - xlogx(1 - p)/log(2)
>>> h.subs(p, 0), h.subs(p, Rational(1, 2))
(0, 1)

Everything else still works as on ``p*log(p)``:

* values: ``xlogx(0) = xlogx(1) = 0``; at any other number it is ``x*log(x)``;
* calculus: ``diff`` (``log(x) + 1``), ``limit`` and ``series`` (through
  ``x*log(x)``), ``solve`` (which rewrites it as ``x*log(x)``);
* code: ``lambdify`` prints a form that is ``0`` at ``x = 0`` instead of
  ``0*log(0) = nan``;
* printing: ``x log(x)`` in LaTeX and sympy's pretty printer, ``xlogx(x)``
  as a string; ``rewrite(log)`` gives ``x*log(x)``.

>>> diff(xlogx(p), p)
log(p) + 1
>>> solve(diff(h, p), p)
[1/2]
>>> limit(xlogx(p)/p, p, 1)
0
>>> xlogx(p).rewrite(log)
p*log(p)
"""

from __future__ import annotations

from typing import Any

import sympy
from sympy.core.logic import fuzzy_and, fuzzy_not

from .exact import GatedSubs, as_exact
from .members import ConciseFunctionClass

__all__ = ["xlogx", "log_form"]


def log_form(expr: Any) -> Any:
    """``expr`` with every ``xlogx(u)`` written ``u*log(u)``; anything else is returned as it is.

    For code that reads logarithms off an expression's structure (the
    optimiser's certificates, the textbook printers): it sees the terms
    ``-p*log(p)`` it knows, and handles ``0 log 0`` itself.

    >>> from sympy import Symbol
    >>> from symentropy.kernel.xlogx import log_form, xlogx
    >>> p = Symbol("p")
    >>> log_form(-xlogx(p) - xlogx(1 - p))
    -p*log(p) - (1 - p)*log(1 - p)
    """
    if isinstance(expr, sympy.Basic) and expr.has(xlogx):
        return expr.replace(lambda e: isinstance(e, xlogx), lambda e: e._log_form())
    return expr


class xlogx(  # noqa: N801  (sympy's convention: functions are lower case)
    GatedSubs, sympy.Function, metaclass=ConciseFunctionClass
):
    """``x*log(x)``, extended by its limit ``0`` at ``x = 0``.

    Examples
    ========

    >>> from sympy import Rational, Symbol, latex
    >>> from symentropy.kernel.xlogx import xlogx
    >>> x = Symbol("x", nonnegative=True)
    >>> xlogx(0), xlogx(1), xlogx(Rational(1, 2))
    (0, 0, -log(2)/2)
    >>> xlogx(x).subs(x, 0)
    0
    >>> latex(xlogx(1 - x))
    '\\\\left(1 - x\\\\right) \\\\log{\\\\left(1 - x \\\\right)}'
    >>> xlogx(Rational(1, 10)).evalf(20)
    -0.23025850929940456840
    """

    nargs = 1

    def __new__(cls, x: Any, **options: Any) -> sympy.Expr:
        # a value that is not a sympy object goes through the one gate (sympy's own
        # conversion would parse a string inside a container with eval)
        if not isinstance(x, sympy.Basic):
            x = as_exact(x, what="argument of xlogx")
        return super().__new__(cls, x, **options)

    @classmethod
    def eval(cls, x: sympy.Expr) -> sympy.Expr | None:
        """``0`` at ``0`` and ``1``; ``x*log(x)`` at any other number; unevaluated otherwise."""
        if not isinstance(x, sympy.Expr):
            raise TypeError(f"xlogx takes a sympy expression, got {x!r}")
        if x.is_zero or (x - 1).is_zero:
            return sympy.Integer(0)
        if x.is_number and x.is_zero is False:
            return x * sympy.log(x)
        return None

    def _log_form(self) -> sympy.Expr:
        x = self.args[0]
        return sympy.Mul(x, sympy.log(x))

    def _safe_form(self) -> sympy.Expr:
        """``x*log(x)`` with the value 0 at ``x = 0`` made explicit: ``rewrite(Piecewise)``."""
        x = self.args[0]
        # Unevaluated: an assumption on x must not remove the branch generated code needs.
        return sympy.Piecewise(
            (sympy.Integer(0), sympy.Eq(x, 0, evaluate=False)), (self._log_form(), True), evaluate=False
        )

    # -- calculus ---------------------------------------------------------------
    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        """``d/dx x log x = log(x) + 1``."""
        if argindex != 1:
            raise sympy.ArgumentIndexError(self, argindex)
        return sympy.log(self.args[0]) + 1

    def _eval_nseries(self, x: sympy.Symbol, n: int, logx: Any, cdir: Any = 0) -> sympy.Expr:
        return self._log_form()._eval_nseries(x, n, logx, cdir)

    def _eval_as_leading_term(self, x: sympy.Symbol, logx: Any = None, cdir: Any = 0) -> sympy.Expr:
        return self._log_form().as_leading_term(x, logx=logx, cdir=cdir)

    # -- rewriting (sympy calls these hooks with the arguments and its hints) ----
    def _eval_rewrite_as_log(self, x: sympy.Expr, **hints: Any) -> sympy.Expr:
        return self._log_form()

    # ``solve`` rewrites an unknown function in terms of ``exp`` before giving up on a
    # transcendental equation; the logarithmic form is what it can work with.
    _eval_rewrite_as_exp = _eval_rewrite_as_log

    def _eval_rewrite_as_Piecewise(self, x: sympy.Expr, **hints: Any) -> sympy.Expr:
        return self._safe_form()

    def _eval_expand_func(self, **hints: Any) -> sympy.Expr:
        return self._log_form()

    def _eval_evalf(self, prec: int) -> sympy.Expr | None:
        if not self.args[0].is_number:
            return None
        return self._log_form().evalf(sympy.core.evalf.prec_to_dps(prec) + 2)

    # -- assumptions ------------------------------------------------------------
    def _eval_is_extended_real(self) -> bool | None:
        return True if self.args[0].is_nonnegative else None

    def _eval_is_finite(self) -> bool | None:
        return True if fuzzy_and([self.args[0].is_nonnegative, self.args[0].is_finite]) else None

    def _eval_is_zero(self) -> bool | None:
        x = self.args[0]
        if x.is_zero or (x - 1).is_zero:
            return True
        if fuzzy_and([x.is_positive, fuzzy_not((x - 1).is_zero)]):
            return False
        return None

    def _eval_is_nonpositive(self) -> bool | None:
        x = self.args[0]
        return True if fuzzy_and([x.is_nonnegative, (x - 1).is_nonpositive]) else None

    def _eval_is_positive(self) -> bool | None:
        x = self.args[0]
        if fuzzy_and([x.is_nonnegative, (x - 1).is_nonpositive]):
            return False
        if (x - 1).is_positive:
            return True
        return None

    # -- printing ---------------------------------------------------------------
    def _latex(self, printer: Any, exp: Any = None) -> str:
        tex = printer._print(self._log_form())
        return rf"\left({tex}\right)^{{{exp}}}" if exp is not None else tex

    def _pretty(self, printer: Any) -> Any:
        return printer._print(self._log_form())

    def _print_as_code(self, printer: Any) -> str:
        # x*log(1 if x == 0 else x): 0 at 0, and no log(0) computed (numpy's select evaluates
        # every branch, so the branches hold the argument of the logarithm, not the logarithm)
        x = self.args[0]
        argument = sympy.Piecewise(
            (sympy.Integer(1), sympy.Eq(x, 0, evaluate=False)), (x, True), evaluate=False
        )
        return printer._print(sympy.Mul(x, sympy.log(argument, evaluate=False), evaluate=False))

    # Code printers (lambdify and the language printers) look for these names.
    _pythoncode = _mpmathcode = _cmathcode = _lambdacode = _numexprcode = _print_as_code
    _numpycode = _scipycode = _cupycode = _jaxcode = _tensorflowcode = _torchcode = _print_as_code
    _ccode = _cxxcode = _fcode = _octave = _julia = _javascript = _rust_code = _print_as_code
