"""No string from a user ever reaches Python's eval, at any depth of a container.

sympy's ``sympify`` evaluates strings with ``eval``, also strings nested in tuples, lists,
dicts, sets and numpy object arrays.  symentropy reads every user value through its own
grammar (``symentropy.kernel.exact.safe_sympify`` and ``as_exact``).  This test feeds an
injection payload that would create a marker file, in every kind of container, to every
public function and method that takes a value, and asserts that the marker never appears and
that the call is refused with an error naming the bad value (a ParseError for the string, a
TypeError for a container where a number goes, or symentropy's own error), or, where the value is
a label such as an outcome, accepted as plain data.  A bare AttributeError or ValueError from
deep inside is a failure: bad input gets a clear error.

``CALLS`` must cover every name in ``symentropy.__all__`` and every public method of the
public classes: ``test_every_public_callable_is_covered`` fails for a new one.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sympy
from sympy.core.symbol import Str

import symentropy as se
from symentropy import ParseError

numpy = pytest.importorskip("numpy")

p = sympy.Symbol("p")
x = sympy.Symbol("x")


def payload(marker: Path) -> str:
    return f"__import__('pathlib').Path({str(marker)!r}).touch()"


CONTAINERS: dict[str, Callable[[str], Any]] = {
    "str": lambda s: s,
    "tuple": lambda s: (s,),
    "list": lambda s: [s],
    "dict value": lambda s: {"k": s},
    "dict key": lambda s: {s: 1},
    "set": lambda s: {s},
    "frozenset": lambda s: frozenset([s]),
    "nested": lambda s: [("1/2", [s])],
    "numpy object array": lambda s: numpy.array([s], dtype=object),
    "numpy 2-d object array": lambda s: numpy.array([[s, "1/2"]], dtype=object),
    "sympy Tuple of Str": lambda s: sympy.Tuple(Str(s)),
}

D = se.Distribution.from_pmf(["1/2", "1/2"])
XY = se.independent(se.uniform(2, name="X"), se.uniform(2, name="Y"))
BSC = se.binary_symmetric_channel("1/10")
FORMULA = se.geometric("1/2")
N01 = se.normal(0, 1)
CAP = se.certified_capacity(se.Channel([["1/2", "1/3", "1/6"], ["1/6", "1/2", "1/3"]]), digits=5)
P_SYM = se.Distribution.from_pmf([p, 1 - p])

def cells(value: Any) -> Any:
    """A numpy object array ``[value, "1/2"]``, with ``value`` one cell whatever it is."""
    array = numpy.empty(2, dtype=object)
    array[0], array[1] = value, "1/2"
    return array


def extra(package: str) -> Any:
    """An optional package; the case is skipped without it."""
    return pytest.importorskip(package)


#: name -> calls that put the value V where a user value goes; "label" calls may accept V as data.
CALLS: dict[str, list[tuple[str, Callable[[Any], Any]]]] = {
    "Distribution": [
        ("value", lambda v: se.Distribution({0: v, 1: "1/2"})),
        ("label", lambda v: se.Distribution({"a": "1/2", "b": "1/2"}, names=v)),
    ],
    "Distribution.from_dict": [("value", lambda v: se.Distribution.from_dict({0: v, 1: "1/2"}))],
    "Distribution.from_pmf": [("value", lambda v: se.Distribution.from_pmf([v, "1/2"])),
                              ("value", lambda v: se.Distribution.from_pmf(v))],
    "Distribution.from_table": [("value", lambda v: se.Distribution.from_table([[v, "1/2"], [0, 0]])),
                                ("value", lambda v: se.Distribution.from_table(v))],
    "Distribution.from_samples": [("label", lambda v: se.Distribution.from_samples([v, "a"]))],
    "Distribution.from_counts": [("value", lambda v: se.Distribution.from_counts([v, 1])),
                                 ("value", lambda v: se.Distribution.from_counts({"a": v}))],
    "Distribution.from_validated": [("label", lambda v: se.Distribution.from_validated(["X"], [(v,)], [sympy.S.One]))],
    "Distribution.items": [],
    "Distribution.grid": [],
    "Distribution.to_dict": [],
    "Distribution.positions": [("name", lambda v: D.positions(v))],
    "Distribution.probability": [("label", lambda v: D.probability(X=v))],
    "Distribution.marginal": [("name", lambda v: XY.marginal(v))],
    "Distribution.condition": [("label", lambda v: D.condition(X=v))],
    "Distribution.conditional": [("name", lambda v: XY.conditional(v, "Y"))],
    "Distribution.with_variable": [("label", lambda v: D.with_variable("Z", lambda a: v))],
    "Distribution.rename": [("name", lambda v: D.rename(X=v))],
    "Distribution.subs": [("value", lambda v: P_SYM.subs(p, v)), ("value", lambda v: P_SYM.subs({p: v})),
                          ("value", lambda v: P_SYM.subs(v, "1/2"))],
    "Distribution.info": [("value", lambda v: XY.info(v))],
    "Distribution.from_dit": [("value", lambda v: se.Distribution.from_dit(v)),
                              ("name", lambda v: se.Distribution.from_dit(extra("dit").Distribution(["0", "1"], [0.5, 0.5]), names=v, exact_floats=True))],
    "Distribution.to_dit": [],
    "Distribution.from_xarray": [("value", lambda v: se.Distribution.from_xarray(v)),
                                 ("value", lambda v: se.Distribution.from_xarray(extra("xarray").DataArray(cells(v), dims=("X",)))),
                                 ("label", lambda v: se.Distribution.from_xarray(extra("xarray").DataArray(["1/2", "1/2"], dims=("X",), coords={"X": cells(v)})))],
    "Distribution.to_xarray": [],
    "Distribution.from_pandas": [("value", lambda v: se.Distribution.from_pandas(v)),
                                 ("value", lambda v: se.Distribution.from_pandas(extra("pandas").Series(cells(v)))),
                                 ("label", lambda v: se.Distribution.from_pandas(extra("pandas").Series(["1/2", "1/2"], index=cells(v)))),
                                 ("value", lambda v: se.Distribution.from_pandas(extra("pandas").DataFrame({"X": [0, 1], "P": cells(v)}), probability=v))],
    "Distribution.to_pandas": [],
    "uniform": [("label", lambda v: se.uniform([v, "b"]))],
    "independent": [("value", lambda v: se.independent(D, v))],
    "entropy": [("value", lambda v: se.entropy(v)), ("name", lambda v: se.entropy(XY, v)),
                ("value", lambda v: se.entropy(D, base=v)), ("name", lambda v: se.entropy(XY, given=v))],
    "joint_entropy": [("name", lambda v: se.joint_entropy(XY, v)), ("value", lambda v: se.joint_entropy(XY, base=v))],
    "conditional_entropy": [("name", lambda v: se.conditional_entropy(XY, v, "Y"))],
    "mutual_information": [("name", lambda v: se.mutual_information(XY, v, "Y")),
                           ("value", lambda v: se.mutual_information(BSC, v)),
                           ("value", lambda v: se.mutual_information(XY, "X", "Y", base=v))],
    "co_information": [("name", lambda v: se.co_information(XY, v, "Y"))],
    "interaction_information": [("name", lambda v: se.interaction_information(XY, v, "Y"))],
    "total_correlation": [("name", lambda v: se.total_correlation(XY, v, "Y"))],
    "dual_total_correlation": [("name", lambda v: se.dual_total_correlation(XY, v, "Y"))],
    "o_information": [("name", lambda v: se.o_information(XY, v, "Y"))],
    "s_information": [("name", lambda v: se.s_information(XY, v, "Y"))],
    "residual_entropy": [("name", lambda v: se.residual_entropy(XY, v, "Y"))],
    "caekl_mutual_information": [("name", lambda v: se.caekl_mutual_information(XY, v, "Y"))],
    "mss_common_information": [("name", lambda v: se.mss_common_information(XY, v, "Y"))],
    "wyner_common_information": [("name", lambda v: se.wyner_common_information(XY, v, "Y")),
                                 ("value", lambda v: se.wyner_common_information(XY, "X", "Y", base=v))],
    "gacs_korner_common_information": [("name", lambda v: se.gacs_korner_common_information(XY, v, "Y")),
                                       ("value", lambda v: se.gacs_korner_common_information(XY, "X", "Y",
                                                                                             base=v))],
    "common_part": [("name", lambda v: se.common_part(XY, v, "Y")), ("name", lambda v: se.common_part(XY, "X", "Y",
                                                                                                    name=v))],
    "pid": [("name", lambda v: se.pid(XY, (v, "X"), "Y")), ("name", lambda v: se.pid(XY, v, "Y")),
            ("name", lambda v: se.pid(XY, ("X",), v)), ("value", lambda v: se.pid(XY, ("X",), "Y", measure=v)),
            ("value", lambda v: se.pid(XY, ("X",), "Y", digits=v))],
    "huffman_code": [("label", lambda v: se.huffman_code(v)), ("value", lambda v: se.huffman_code(["1/2", v])),
                     ("value", lambda v: se.huffman_code(["1/2", "1/2"], D=v))],
    "shannon_code": [("label", lambda v: se.shannon_code(v)), ("value", lambda v: se.shannon_code(["1/2", v]))],
    "shannon_fano_elias_code": [("value", lambda v: se.shannon_fano_elias_code(["1/2", v]))],
    "fano_code": [("label", lambda v: se.fano_code(v)), ("value", lambda v: se.fano_code(["1/2", v])),
                  ("value", lambda v: se.fano_code(["1/2", "1/2"], D=v))],
    "kraft_sum": [("value", lambda v: se.kraft_sum(v)), ("value", lambda v: se.kraft_sum([v]))],
    "kraft_lengths_exist": [("value", lambda v: se.kraft_lengths_exist([1, v]))],
    "Code": [],
    "Code.expected_length": [("value", lambda v: se.huffman_code(["1/2", "1/2"]).expected_length(v))],
    "Code.redundancy": [("value", lambda v: se.huffman_code(["1/2", "1/2"]).redundancy(v))],
    "Code.encode": [("label", lambda v: se.huffman_code(["1/2", "1/2"]).encode(v))],
    "Code.decode": [("value", lambda v: se.huffman_code(["1/2", "1/2"]).decode(v))],
    "MarkovChain": [("value", lambda v: se.MarkovChain([[v, "1/2"], ["1/2", "1/2"]])),
                    ("value", lambda v: se.MarkovChain(v))],
    "MarkovChain.from_dict": [("value", lambda v: se.MarkovChain.from_dict({0: {0: v, 1: "1/2"}, 1: {0: 1}}))],
    "MarkovChain.closed_classes": [],
    "MarkovChain.entropy_rate": [("value", lambda v: se.MarkovChain([[1]]).entropy_rate(v))],
    "MarkovChain.mutual_information_rate": [
        ("value", lambda v: se.MarkovChain([[1]]).mutual_information_rate(v))],
    "MarkovChain.n_step": [("value", lambda v: se.MarkovChain([[1]]).n_step(v))],
    "MarkovChain.joint": [("value", lambda v: se.MarkovChain([[1]]).joint(v)),
                          ("value", lambda v: se.MarkovChain([[1]]).joint(1, initial=v))],
    "MarkovChain.map": [("label", lambda v: se.MarkovChain([[1]]).map(v)),
                        ("label", lambda v: se.MarkovChain([[1]]).map({0: v}))],
    "MarkovChain.paths": [("value", lambda v: se.MarkovChain([[1]]).paths(v))],
    "FunctionOfChain": [],
    "FunctionOfChain.entropy_rate": [("value", lambda v: se.MarkovChain([[1]]).map({0: 0}).entropy_rate(v))],
    "FunctionOfChain.entropy_rate_bounds": [
        ("value", lambda v: se.MarkovChain([[1]]).map({0: 0}).entropy_rate_bounds(v))],
    "random_walk": [("value", lambda v: se.random_walk(v)), ("value", lambda v: se.random_walk([(0, 1, v)]))],
    "chessboard_graph": [("value", lambda v: se.chessboard_graph(v)), ("value", lambda v: se.chessboard_graph("king", v))],
    "typical_set": [("label", lambda v: se.typical_set(v, 3, "1/10")), ("value", lambda v: se.typical_set(["1/2", "1/2"], 3, v))],
    "smallest_high_probability_set": [("value", lambda v: se.smallest_high_probability_set(["1/2", "1/2"], 3, v))],
    "essential_bit_content": [("value", lambda v: se.essential_bit_content(["1/2", "1/2"], 2, v))],
    "TypicalSet": [],
    "HighProbabilitySet": [],
    "HighProbabilitySet.essential_bit_content": [
        ("value", lambda v: se.smallest_high_probability_set(["1/2", "1/2"], 2, "1/4").essential_bit_content(v))],
    "fano_bound": [("name", lambda v: se.fano_bound(XY, v, "Y")), ("value", lambda v: se.fano_bound(XY, digits=v))],
    "FanoBound": [],
    "doubling_rate": [("value", lambda v: se.doubling_rate(["1/2", "1/2"], v)),
                      ("value", lambda v: se.doubling_rate(["1/2", "1/2"], [2, 2], bets=v))],
    "doubling_rate_with_side_information": [("value", lambda v: se.doubling_rate_with_side_information(XY, v))],
    "awgn_capacity": [("value", lambda v: se.awgn_capacity(v, 1)), ("value", lambda v: se.awgn_capacity(None, None,
                                                                                                    snr_db=v))],
    "bandlimited_capacity": [("value", lambda v: se.bandlimited_capacity(v, 1, 1))],
    "water_filling": [("value", lambda v: se.water_filling(v, 1)), ("value", lambda v: se.water_filling([1, 2], v))],
    "WaterFilling": [],
    "reverse_water_filling": [("value", lambda v: se.reverse_water_filling(v, 1)),
                              ("value", lambda v: se.reverse_water_filling([1, 2], v))],
    "ReverseWaterFilling": [],
    "rate_distortion": [("value", lambda v: se.rate_distortion(["1/2", "1/2"], v)),
                        ("label", lambda v: se.rate_distortion(v, "1/4"))],
    "distortion_max": [("value", lambda v: se.distortion_max(["1/2", "1/2"], v))],
    "distortion_min": [("value", lambda v: se.distortion_min(["1/2", "1/2"], v)),
                       ("label", lambda v: se.distortion_min(v, [[0, 1], [1, 0]]))],
    "rate_distortion_curve": [("value", lambda v: se.rate_distortion_curve(["1/2", "1/2"], v, points=3)),
                              ("value", lambda v: se.rate_distortion_curve(["1/2", "1/2"], points=v)),
                              ("value", lambda v: se.rate_distortion_curve(["1/2", "1/2"], base=v, points=3))],
    "RateDistortionCurve": [("value", lambda v: se.RateDistortionCurve([0, 1], [1, 0], base=v))],
    "RateDistortionCurve.floats": [],
    "RateDistortionInterval": [
        ("value", lambda v: se.RateDistortionInterval(v, 1, base=2, digits=3, places=3, D="1/4",
                                                      test_channel=se.binary_symmetric_channel("1/4"),
                                                      distortion="1/4", slope=-1)),
        ("value", lambda v: se.RateDistortionInterval(0, 1, base=2, digits=3, places=3, D=v,
                                                      test_channel=se.binary_symmetric_channel("1/4"),
                                                      distortion="1/4", slope=-1)),
    ],
    "chernoff_information": [("value", lambda v: se.chernoff_information(["1/2", "1/2"], v)),
                             ("value", lambda v: se.chernoff_information(v, ["1/2", "1/2"])),
                             ("value", lambda v: se.chernoff_information(["1/3", "2/3"], ["1/2", "1/2"], base=v))],
    "ChernoffInformation": [],
    "CertifiedInterval": [("value", lambda v: se.CertifiedInterval(v, 1, base=2, digits=3, places=3)),
                          ("value", lambda v: se.CertifiedInterval(0, 1, base=v, digits=3, places=3))],
    "CertifiedInterval.ends": [],
    "CertifiedInterval.evalf": [("value", lambda v: CAP.evalf(v))],
    "CertifiedInterval.n": [("value", lambda v: CAP.n(v))],
    "number_of_types": [("value", lambda v: se.number_of_types(v, 2))],
    "type_class_size": [("label", lambda v: se.type_class_size(v))],
    "type_of": [("label", lambda v: se.type_of(v))],
    "type_class_probability": [("label", lambda v: se.type_class_probability({"a": 1}, v))],
    "sanov_exponent": [("value", lambda v: se.sanov_exponent(["1/2", "1/2"], v, values=[0, 1])),
                       ("value", lambda v: se.sanov_exponent(["1/2", "1/2"], "3/4", values=v))],
    "SanovExponent": [],
    "generalized_cumulative_residual_entropy": [
        ("value", lambda v: se.generalized_cumulative_residual_entropy(v)),
        ("label", lambda v: se.generalized_cumulative_residual_entropy(se.Distribution.from_pmf(["1/2", "1/2"],
                                                                                                 outcomes=[v, 1]))),
    ],
    "cumulative_residual_entropy": [("value", lambda v: se.cumulative_residual_entropy(v)),
                                    ("value", lambda v: se.cumulative_residual_entropy(se.exponential(1), base=v))],
    "PIDResult": [],
    "PIDResult.label": [],
    "PIDResult.to_latex": [],
    "redundancy_lattice": [("value", lambda v: se.redundancy_lattice(v))],
    "specific_information": [("label", lambda v: se.specific_information(XY, "Y", v, "X")),
                             ("name", lambda v: se.specific_information(XY, "Y", 0, v))],
    "extropy": [("name", lambda v: se.extropy(XY, v))],
    "perplexity": [("name", lambda v: se.perplexity(XY, v))],
    "lautum_information": [("name", lambda v: se.lautum_information(XY, v, "Y"))],
    "information_atoms": [("name", lambda v: se.information_atoms(XY, v, "Y"))],
    "kl_divergence": [("value", lambda v: se.kl_divergence(D, v)), ("value", lambda v: se.kl_divergence(v, D))],
    "cross_entropy": [("value", lambda v: se.cross_entropy(D, v))],
    "jensen_shannon_divergence": [("value", lambda v: se.jensen_shannon_divergence(D, D, weights=v)),
                                  ("value", lambda v: se.jensen_shannon_divergence(D, D, weights=[v, "1/2"]))],
    "renyi_divergence": [("value", lambda v: se.renyi_divergence(D, D, v))],
    "total_variation_distance": [("value", lambda v: se.total_variation_distance(D, v))],
    "hellinger_distance": [("value", lambda v: se.hellinger_distance(D, v))],
    "renyi_entropy": [("value", lambda v: se.renyi_entropy(D, v))],
    "tsallis_entropy": [("value", lambda v: se.tsallis_entropy(D, v))],
    "variation_of_information": [("name", lambda v: se.variation_of_information(XY, v, "Y"))],
    "normalized_mutual_information": [("value", lambda v: se.normalized_mutual_information(XY, "X", "Y", variant=v))],
    "maximize": [("value", lambda v: se.maximize(v)), ("value", lambda v: se.maximize(x * (1 - x), over=v)),
                 ("value", lambda v: se.maximize(x * (1 - x), over=x, domain=v)),
                 ("value", lambda v: se.maximize(x * (1 - x), over=x, domain=(v, 1))),
                 ("value", lambda v: se.maximize(x * (1 - x), over=x, constraints=v)),
                 ("value", lambda v: se.maximize(x * (1 - x), over=x, constraints=[v]))],
    "minimize": [("value", lambda v: se.minimize(v)), ("value", lambda v: se.minimize(x**2, over=x, domain=(v, 1)))],
    "max_entropy": [("label", lambda v: se.max_entropy(v)), ("value", lambda v: se.max_entropy(range(3), mean=v)),
                    ("value", lambda v: se.max_entropy(range(3), constraints=[(lambda k: k, v)]))],
    "OptimizationResult": [],
    "MaxEntropyResult": [],
    "Certificate": [],
    "prove": [("value", lambda v: se.prove(v)), ("value", lambda v: se.prove("I(X;Y) >= 0", given=v)),
              ("value", lambda v: se.prove("I(X;Y) >= 0", given=[v])),
              ("value", lambda v: se.prove("I(X;Y) >= 0", on=v))],
    "ProofResult": [],
    "ProofResult.check": [],
    "ProofResult.claim_text": [],
    "ProofResult.derivation": [],
    "ProofResult.terms": [],
    "Verdict": [],
    "info": [("value", lambda v: se.info(XY, v)), ("value", lambda v: se.info(XY, "H(X)", base=v)),
             ("value", lambda v: se.info(XY, "H_a(X)", symbols=v))],
    "evaluate": [("value", lambda v: se.evaluate(v)), ("value", lambda v: se.evaluate(sympy.Rational(1, 3), v))],
    "compare": [("value", lambda v: se.compare(v, 1)), ("value", lambda v: se.compare(1, v))],
    "is_zero": [("value", lambda v: se.is_zero(v))],
    "numpy_function": [("value", lambda v: se.numpy_function(p, v)), ("value", lambda v: se.numpy_function(v, p))],
    "tabulate": [("value", lambda v: se.tabulate(v, {p: [1]})), ("value", lambda v: se.tabulate(p, {p: v})),
                 ("value", lambda v: se.tabulate(p, v))],
    "binary_entropy": [("value", lambda v: se.binary_entropy(v)), ("value", lambda v: se.binary_entropy("1/2", v))],
    "binary_entropy.eval": [("value", lambda v: se.binary_entropy.eval(v))],
    "binary_entropy.fdiff": [],
    "bernoulli": [("value", lambda v: se.bernoulli(v))],
    "binomial": [("value", lambda v: se.binomial(v, "1/2")), ("value", lambda v: se.binomial(3, v))],
    "categorical": [("value", lambda v: se.categorical(v, "1/2")),
                    ("label", lambda v: se.categorical("1/2", "1/2", outcomes=[v, "b"]))],
    "discrete_uniform": [("value", lambda v: se.discrete_uniform(v))],
    "geometric": [("value", lambda v: se.geometric(v))],
    "poisson": [("value", lambda v: se.poisson(v))],
    "negative_binomial": [("value", lambda v: se.negative_binomial(v, "1/2")),
                          ("value", lambda v: se.negative_binomial(2, v))],
    "FormulaDistribution": [("value", lambda v: se.FormulaDistribution(v, (sympy.Symbol("k"), 0, sympy.oo))),
                            ("value", lambda v: se.FormulaDistribution("1/2**(k+1)", v))],
    "FormulaDistribution.pmf": [("value", lambda v: FORMULA.pmf(v))],
    "FormulaDistribution.marginal": [("name", lambda v: FORMULA.marginal(v))],
    "FormulaDistribution.check_variables": [("name", lambda v: FORMULA.check_variables([v]))],
    "FormulaDistribution.entropy": [("value", lambda v: FORMULA.entropy(base=v))],
    "FormulaDistribution.partial_entropy": [("value", lambda v: FORMULA.partial_entropy(v))],
    "FormulaDistribution.tail_bound": [("value", lambda v: FORMULA.tail_bound(v))],
    "FormulaDistribution.evaluate": [("value", lambda v: FORMULA.evaluate(v))],
    "FormulaDistribution.subs": [("value", lambda v: se.geometric("p").subs("p", v))],
    "FormulaDistribution.rename": [("name", lambda v: FORMULA.rename(X=v))],
    "FormulaDistribution.to_distribution": [],
    "from_stats": [("value", lambda v: se.from_stats(v))],
    "Channel": [("value", lambda v: se.Channel([[v, "1/2"], ["1/2", "1/2"]])), ("value", lambda v: se.Channel(v))],
    "Channel.from_dict": [("value", lambda v: se.Channel.from_dict({0: {0: v, 1: "1/2"}, 1: {0: 1}}))],
    "Channel.row": [("label", lambda v: BSC.row(v))],
    "Channel.joint": [("value", lambda v: BSC.joint(v)), ("value", lambda v: BSC.joint([v, "1/2"]))],
    "Channel.output": [("value", lambda v: BSC.output([v, "1/2"]))],
    "Channel.mutual_information": [("value", lambda v: BSC.mutual_information([v, "1/2"]))],
    "Channel.subs": [("value", lambda v: se.binary_symmetric_channel(p).subs(p, v))],
    "binary_symmetric_channel": [("value", lambda v: se.binary_symmetric_channel(v))],
    "binary_erasure_channel": [("value", lambda v: se.binary_erasure_channel(v))],
    "z_channel": [("value", lambda v: se.z_channel(v))],
    "q_ary_symmetric_channel": [("value", lambda v: se.q_ary_symmetric_channel(3, v)),
                                ("value", lambda v: se.q_ary_symmetric_channel(v, "1/2"))],
    "erasure_error_channel": [("value", lambda v: se.erasure_error_channel(v, "1/2"))],
    "noisy_typewriter": [("label", lambda v: se.noisy_typewriter([v, "b", "c"])),
                         ("value", lambda v: se.noisy_typewriter(3, offsets=v))],
    "additive_noise_channel": [("value", lambda v: se.additive_noise_channel({0: v, 1: "1/2"}, inputs=[0, 1])),
                               ("value", lambda v: se.additive_noise_channel({0: 1}, inputs=[0], modulus=v))],
    "cascade": [("value", lambda v: se.cascade(BSC, v))],
    "channel_product": [("value", lambda v: se.channel_product(BSC, v))],
    "channel_sum": [("value", lambda v: se.channel_sum(BSC, v))],
    "capacity": [("value", lambda v: se.capacity(v)), ("value", lambda v: se.capacity(BSC, base=v)),
                 ("value", lambda v: se.capacity(BSC, digits=v))],
    "capacity_achieving_input": [("value", lambda v: se.capacity_achieving_input(BSC, digits=v))],
    "certified_capacity": [("value", lambda v: se.certified_capacity(BSC, digits=v)),
                           ("value", lambda v: se.certified_capacity(BSC, base=v))],
    "CapacityInterval": [
        ("value", lambda v: se.CapacityInterval(v, 1, base=2, digits=3, input=CAP.input, places=3)),
    ],
    "CapacityInterval.__contains__": [("value", lambda v: v in CAP)],
    "CapacityInterval.evalf": [("value", lambda v: CAP.evalf(v))],
    "CapacityInterval.n": [("value", lambda v: CAP.n(v))],
    "Entropy": [("value", lambda v: se.Entropy(v)), ("name", lambda v: se.Entropy(XY, v)),
                ("value", lambda v: se.Entropy(XY, "X", base=v))],
    "Entropy.doit": [],
    "ConditionalEntropy": [("name", lambda v: se.ConditionalEntropy(XY, v, "Y"))],
    "MutualInformation": [("name", lambda v: se.MutualInformation(XY, v, "Y"))],
    "MutualInformation.doit": [],
    "KLDivergence": [("value", lambda v: se.KLDivergence(D, v)), ("label", lambda v: se.KLDivergence(D, D, labels=v))],
    "KLDivergence.doit": [],
    "to_latex": [("value", lambda v: se.to_latex(v)), ("value", lambda v: se.to_latex(p, base=v)),
                 ("value", lambda v: se.to_latex(p, decimals=v))],
    # its keyword arguments are sympy printer settings, read as they are and never parsed; calling it
    # here would change how the whole test process displays (tests/test_notebook_display.py runs it)
    "init_printing": [],
    "xlogx": [("value", lambda v: se.xlogx(v))],
    "xlogx.eval": [("value", lambda v: se.xlogx.eval(v))],
    "xlogx.fdiff": [],
    "derive": [("value", lambda v: se.derive(v)), ("value", lambda v: se.derive(XY, v)),
               ("value", lambda v: se.derive(XY, "H(X)", base=v)), ("value", lambda v: se.derive(XY, "H(X)", digits=v))],
    "Derivation": [],
    "Derivation.to_latex": [],
    "Derivation.to_markdown": [],
    "ContinuousDistribution": [],
    "ContinuousDistribution.entropy_nats": [],
    "ContinuousDistribution.pdf": [("value", lambda v: N01.pdf(v))],
    "ContinuousDistribution.affine": [("value", lambda v: N01.affine(v, 0))],
    "affine": [("value", lambda v: se.affine(N01, v)), ("value", lambda v: se.affine(N01, 1, v)),
               ("value", lambda v: se.affine(v, 1))],
    "from_sympy_stats": [("value", lambda v: se.from_sympy_stats(v))],
    "multivariate_normal": [("value", lambda v: se.multivariate_normal([[v, 0], [0, 1]])),
                            ("value", lambda v: se.multivariate_normal(v)),
                            ("value", lambda v: se.multivariate_normal([[1, 0], [0, 1]], mean=v))],
    "NumericEstimate": [("value", lambda v: se.NumericEstimate(v, "1/100"))],
    "conditional_differential_entropy": [("value", lambda v: se.conditional_differential_entropy(v, [0], [1]))],
    "continuous_kl_divergence": [("value", lambda v: se.continuous_kl_divergence(N01, v))],
    "differential_entropy": [("value", lambda v: se.differential_entropy(v)),
                             ("value", lambda v: se.differential_entropy(N01, base=v)),
                             ("value", lambda v: se.differential_entropy(N01, digits=v))],
    "gaussian_mutual_information": [("value", lambda v: se.gaussian_mutual_information(v, [0], [1]))],
    "parse_notation": [("value", lambda v: se.parse_notation(v))],
}
ONE_PARAMETER_FAMILIES = ["chi", "chi_squared", "exponential", "half_normal", "maxwell_boltzmann", "rayleigh", "student_t"]
TWO_PARAMETER_FAMILIES = ["beta_distribution", "cauchy", "gamma_distribution", "gumbel", "kumaraswamy", "laplace",
                          "log_normal", "logistic", "normal", "pareto", "uniform_interval", "weibull"]
for _name in ONE_PARAMETER_FAMILIES:
    CALLS[_name] = [("value", lambda v, f=getattr(se, _name): f(v))]
for _name in TWO_PARAMETER_FAMILIES:
    CALLS[_name] = [("value", lambda v, f=getattr(se, _name): f(v, 2)), ("value", lambda v, f=getattr(se, _name): f(1, v))]
CALLS["generalized_normal"] = [("value", lambda v: se.generalized_normal(v, 1, 2))]
CALLS["triangular"] = [("value", lambda v: se.triangular(0, 2, v))]

#: Names that take no user value (errors, and the enum).
NO_VALUE = {n for n in se.__all__ if isinstance(getattr(se, n), type) and issubclass(getattr(se, n), Exception)}


def public_callables() -> set[str]:
    names = set()
    for n in se.__all__:
        obj = getattr(se, n)
        if n in NO_VALUE or not callable(obj):
            continue
        names.add(n)
        if inspect.isclass(obj):
            for attr, value in vars(obj).items():
                if not attr.startswith("_") and (callable(value) or isinstance(value, (classmethod, staticmethod))):
                    names.add(f"{n}.{attr}")
    return names


def test_every_public_callable_is_covered():
    missing = public_callables() - set(CALLS)
    assert not missing, f"add these to CALLS in tests/test_security.py: {sorted(missing)}"


CASES = [(name, kind, call) for name, calls in sorted(CALLS.items()) for kind, call in calls]


@pytest.mark.parametrize("container", sorted(CONTAINERS))
@pytest.mark.parametrize(("name", "kind", "call"), CASES, ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(CASES)])
def test_no_string_reaches_eval(tmp_path, name, kind, call, container):
    marker = tmp_path / "marker"
    value = CONTAINERS[container](payload(marker))
    try:
        call(value)
    except (ParseError, TypeError, se.SymentropyError) as error:
        # refused: a ParseError for the string, a TypeError for a container where a number goes, or
        # symentropy's own error for a value of the right type in the wrong place; each names it
        message = str(error)
        shown = ("__import__", type(value).__name__, "Str", "variable", "nested more than")
        assert any(part in message for part in shown), f"{name}: the error does not name the bad value: {message}"
    else:
        # a sympy object built by the caller is data, never parsed: functions of sympy expressions take it
        acceptable = kind in ("label", "name") or container == "sympy Tuple of Str"
        assert acceptable, f"{name} accepted the {container} {value!r} as a {kind}"
    assert not marker.exists(), f"{name}: the payload in a {container} ran"


# -- every public callable of every layer, and the subs of symentropy's sympy objects ----------
SUBS_CALLS = {
    "Entropy.subs": lambda v: se.Entropy(P_SYM).subs(p, v),
    "MutualInformation.subs": lambda v: se.MutualInformation(XY, "X", "Y").subs(v, 1),
    "ContinuousDistribution.subs": lambda v: se.normal(x, 1).subs(x, v),
    "binary_entropy.subs": lambda v: se.binary_entropy(p).subs(p, v),
    "xlogx.subs": lambda v: se.xlogx(p).subs(p, v),
    "NumericEstimate.subs": lambda v: se.NumericEstimate("1/2", "1/100").subs({p: v}),
}


@pytest.mark.parametrize("container", sorted(CONTAINERS))
@pytest.mark.parametrize("name", sorted(SUBS_CALLS))
def test_subs_of_symentropy_objects_reads_values_safely(tmp_path, name, container):
    marker = tmp_path / "marker"
    with pytest.raises((ParseError, TypeError)):
        SUBS_CALLS[name](CONTAINERS[container](payload(marker)))
    assert not marker.exists(), f"{name}: the payload in a {container} ran"


def layer_callables():
    """(qualified name, callable, number of positional parameters) of what the layers export."""
    import importlib

    found = {}
    for layer in ("kernel", "core", "models", "measures", "calculus", "display"):
        module = importlib.import_module(f"symentropy.{layer}")
        for attr in module.__all__:
            obj = getattr(module, attr)
            if not callable(obj) or (isinstance(obj, type) and issubclass(obj, BaseException)):
                continue
            try:
                parameters = inspect.signature(obj).parameters.values()
            except (TypeError, ValueError):
                continue
            positional = [q for q in parameters if q.kind in (q.POSITIONAL_ONLY, q.POSITIONAL_OR_KEYWORD)]
            found.setdefault(f"{obj.__module__}.{getattr(obj, '__qualname__', attr)}", (obj, len(positional)))
    return sorted((name, obj, n) for name, (obj, n) in found.items())


LAYER_CALLABLES = layer_callables()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # sympy warns about the odd arguments of a fuzz
@pytest.mark.parametrize(("name", "obj", "count"), LAYER_CALLABLES, ids=[n for n, _, _ in LAYER_CALLABLES])
def test_no_public_callable_of_any_layer_runs_a_string(tmp_path, name, obj, count):
    # A fuzz, not a check of the messages: the payload goes in each of the first three positional
    # places (the others hold a plain symbol) in every kind of container; whatever the call does
    # with it, the payload must never run.
    marker = tmp_path / "marker"
    for place in range(min(count, 3)):
        for make in CONTAINERS.values():
            arguments = [x] * min(count, 3)
            arguments[place] = make(payload(marker))
            try:
                obj(*arguments)
            except Exception:  # noqa: BLE001  (any refusal will do here)
                pass
            assert not marker.exists(), f"{name}: the payload in place {place} ran"
