"""The exact simplex: answers with proofs, on systems built to be feasible or not."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from symentropy.kernel.simplex import nonnegative_solution


def _check_farkas(matrix, rhs, z):
    columns = len(matrix[0])
    assert all(sum(z[i] * matrix[i][j] for i in range(len(matrix))) >= 0 for j in range(columns))
    assert sum(zi * bi for zi, bi in zip(z, rhs, strict=True)) < 0


def test_a_feasible_system_gives_a_nonnegative_solution():
    r = nonnegative_solution([[1, 1, 0], [0, 1, 1]], [2, 3])
    assert r.feasible and r.farkas is None
    y = [r.solution.get(j, 0) for j in range(3)]
    assert y[0] + y[1] == 2 and y[1] + y[2] == 3 and min(y) >= 0


def test_an_infeasible_system_gives_a_farkas_vector():
    matrix, rhs = [[1, -1], [-1, 1]], [1, 1]  # y0 - y1 = 1 and y1 - y0 = 1
    r = nonnegative_solution(matrix, rhs)
    assert not r.feasible and r.solution is None
    _check_farkas(matrix, rhs, r.farkas)


def test_the_cost_picks_the_cheapest_basic_solution():
    r = nonnegative_solution([[1, 1, 1]], [1], cost=[3, 1, 2])
    assert r.solution == {1: Fraction(1)}


@pytest.mark.parametrize("seed", range(5))
def test_random_systems_agree_with_how_they_were_built(seed):
    rng = random.Random(seed)
    for _ in range(200):
        m, n = rng.randint(1, 5), rng.randint(1, 7)
        matrix = [[rng.randint(-3, 3) for _ in range(n)] for _ in range(m)]
        if rng.random() < 0.5:
            y0 = [rng.choice([0, 0, 1, 2, Fraction(1, 2)]) for _ in range(n)]
            rhs = [sum(a * v for a, v in zip(row, y0, strict=True)) for row in matrix]
            r = nonnegative_solution(matrix, rhs, cost=[1] * n)
            assert r.feasible  # built feasible: the answer must be yes
        else:
            rhs = [rng.randint(-3, 3) for _ in range(m)]
            r = nonnegative_solution(matrix, rhs)
        if r.feasible:
            for i, row in enumerate(matrix):
                assert sum(row[j] * v for j, v in r.solution.items()) == rhs[i]
            assert all(v > 0 for v in r.solution.values())
        else:
            _check_farkas(matrix, rhs, r.farkas)


def test_redundant_and_degenerate_rows():
    # the same equation twice, and a zero row with zero right-hand side
    r = nonnegative_solution([[1, 2], [1, 2], [0, 0]], [2, 2, 0])
    assert r.feasible


def test_bad_input_is_named():
    with pytest.raises(TypeError, match=r"entry \(0, 1\) of the matrix must be an exact rational"):
        nonnegative_solution([[1, 0.5]], [1])
    with pytest.raises(ValueError, match="row 1 of the matrix has 1 entries, row 0 has 2"):
        nonnegative_solution([[1, 2], [1]], [1, 1])
    with pytest.raises(ValueError, match="the matrix has 1 rows but the right-hand side has 2"):
        nonnegative_solution([[1]], [1, 2])
    with pytest.raises(ValueError, match="the cost must be nonnegative"):
        nonnegative_solution([[1]], [1], cost=[-1])
