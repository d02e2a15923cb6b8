"""Exact maximisation and minimisation of symbolic results.

=====================================  ===============================================
function                               answer
=====================================  ===============================================
:func:`maximize`                       maximum and a maximiser, with a certificate
:func:`minimize`                       minimum and a minimiser, with a certificate
:func:`max_entropy`                    the maximum-entropy distribution under
                                       linear moment constraints
=====================================  ===============================================

An optimum is exact when it can be found in closed form and proved global:
the candidates are the stationary points inside the domain and on each face
of its boundary, and the answer carries a :class:`Certificate` saying why it
is the global optimum (the objective is concave, or every candidate was
compared).  Otherwise the answer is numeric, to the requested number of
``digits``, and says so: ``exact`` is ``False``, the values are sympy
``Float`` numbers, and the printed form uses ``≈``.  A Python ``float`` never
comes out.

Domains and boundaries
======================

Each variable ranges over an interval, ``[0, 1]`` unless ``domain=`` says
otherwise (symentropy's variables are mostly probabilities); an optimum at
an open end counts as not attained.  The domain, not a variable's own
assumptions (``positive=True``, ...), says where it ranges.  The domain is
further restricted to where the objective is real: every ``log(u)`` in it
needs ``u >= 0``.  At a boundary point where ``u = 0`` the objective takes
its limit value, so ``p*log(p)`` counts as ``0`` at ``p = 0``: in one
variable the value is computed by :func:`sympy.limit` from inside the
domain; in several variables a term ``c*log(u)`` with ``c`` a polynomial
multiple of ``u`` is ``0`` where ``u = 0``, and ``-oo`` or ``oo`` where ``c``
is a nonzero constant.

Stationary points
=================

Affine equality constraints are solved first, eliminating variables; what
remains is handled by Lagrange multipliers.  A stationary equation that is a
rational function, or a log-linear one such as ``log((1 - p)/p) = c``, is
turned into a polynomial equation (exponentiating is valid inside the
domain, where every logarithm has a positive argument).  One polynomial
equation is solved completely: rational coefficients give rationals,
radicals (degree 2) or ``CRootOf`` numbers, all exact.  A polynomial system
is solved through a lexicographic Groebner basis (small systems only: a
Bezout number up to :data:`.equations.BEZOUT_LIMIT`).  In several variables
the candidates are the stationary points inside the domain and on every
face of the polytope that the affine constraints cut out, down to its
vertices.  When the objective is provably concave (a structural check: sums
of ``-u log(u)``, ``log(u)``, affine terms, ...; or ``f'' <= 0`` in one
variable) one stationary point inside the domain is enough.  If some
candidates cannot be found exactly, mpmath finds them numerically (sign
changes of ``f'`` on a grid in one variable, damped Newton steps or
``findroot`` in several), in a private context at ``digits`` plus guard
digits (:func:`symentropy.kernel.numeric.working_context`).

Comparisons
===========

Two candidate values are compared exactly, by
:func:`symentropy.kernel.numeric.compare`: sums of logarithms of rationals are
decided over a coprime basis, other numbers by enclosures refined until they
exclude zero, and an equality that the enclosures cannot settle must be
proved by sympy.  Nothing is decided from a floating-point value with a
margin, so a difference as small as ``10**-400`` still has its right sign.
A comparison that cannot be decided makes the answer numeric; one that
depends on symbols other than the variables raises
:class:`~symentropy.errors.UndecidedError`.

Errors
======

=====================================  ===============================================
exception                              raised when
=====================================  ===============================================
``TypeError``                          the objective is not a sympy expression or
                                       number, ``over`` holds something other than
                                       symbols, a domain is not an interval
:class:`~.InexactInputError`           a float is given
:class:`~.InvalidDigitsError`          ``digits`` is not a positive integer
:class:`~.UnknownVariableError`        a symbol of ``over`` is not in the problem,
                                       or a key of ``domain`` is not in ``over``
:class:`~.OptimizationError`           the domain or the constraints leave no point,
                                       the optimum is not attained (unbounded), or
                                       the objective is not real on the domain
:class:`~.DistributionError`           ``max_entropy`` is given an empty support or
                                       one that lists an outcome twice
:class:`~.UndecidedError`              the optimum depends on other symbols in a
                                       way that cannot be decided
``NotImplementedError``                a problem shape outside what is handled
=====================================  ===============================================

Modules
=======

=====================================  ===============================================
module                                 content
=====================================  ===============================================
:mod:`.results`                        the result classes and :class:`Certificate`
:mod:`.signs`                          three-valued signs and orders (through
                                       :mod:`symentropy.kernel.numeric`)
:mod:`.problem`                        reading the objective, variables, domain and
                                       constraints
:mod:`.curvature`                      a structural proof of concavity
:mod:`.equations`                      stationary equations, solved exactly
:mod:`.approximate`                    numbers in and out of a private mpmath context
:mod:`.candidates`                     candidate points and the best of them
:mod:`.univariate`                     the search in one variable
:mod:`.polytope`                       faces of the domain, the objective on them
:mod:`.multivariate`                   the search in several variables
:mod:`.api`                            :func:`maximize` and :func:`minimize`
:mod:`.maxent`                         :func:`max_entropy`
=====================================  ===============================================

Examples
========

>>> from sympy import Symbol
>>> from symentropy import Distribution, entropy
>>> from symentropy.calculus.optimize import maximize
>>> p = Symbol("p")
>>> best = maximize(entropy(Distribution.from_pmf([p, 1 - p])), over=p)
>>> best.value, best.argmax, best.certificate
(1, {p: 1/2}, <Certificate.CONCAVE: 'concave on the domain'>)
"""

from __future__ import annotations

from .api import maximize, minimize
from .maxent import max_entropy
from .results import Certificate, MaxEntropyResult, OptimizationResult

__all__ = [
    "maximize",
    "minimize",
    "max_entropy",
    "OptimizationResult",
    "MaxEntropyResult",
    "Certificate",
]
