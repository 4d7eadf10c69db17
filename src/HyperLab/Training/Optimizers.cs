using HyperLab.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>Creates the course's optimizers from <see cref="Hyperparameters"/>: TorchSharp's SGD, Adam and
/// AdamW with a race-free <c>step()</c> (<see cref="RaceFree.SGD"/>, <see cref="RaceFree.Adam"/>,
/// <see cref="RaceFree.AdamW"/>; docs/platform.md#p7-torchsharps-optimizers-race-the-garbage-collector), the same numbers bit for bit.</summary>
public static class Optimizers
{
    /// <summary>The optimizer named by <see cref="Hyperparameters.Optimizer"/>, at
    /// <see cref="Hyperparameters.LearningRate"/>, with <see cref="Hyperparameters.WeightDecay"/>.</summary>
    public static optim.Optimizer Create(IEnumerable<Parameter> parameters, Hyperparameters hp) => hp.Optimizer switch
    {
        OptimizerKind.Sgd => new RaceFree.SGD(parameters, hp.LearningRate, weight_decay: hp.WeightDecay),
        OptimizerKind.Momentum => new RaceFree.SGD(parameters, hp.LearningRate, momentum: 0.9, weight_decay: hp.WeightDecay),
        OptimizerKind.Adam => new RaceFree.Adam(parameters, hp.LearningRate, weight_decay: hp.WeightDecay),
        OptimizerKind.AdamW => new RaceFree.AdamW(parameters, hp.LearningRate, weight_decay: hp.WeightDecay),
        _ => throw new HyperparameterException(nameof(Hyperparameters.Optimizer), hp.Optimizer, string.Join(", ", Enum.GetNames<OptimizerKind>()), "AdamW"),
    };

    /// <summary>The rate of the optimizer's first parameter group (<see cref="LearningRates.Of"/>).</summary>
    public static double RateOf(optim.Optimizer optimizer) => LearningRates.Of(optimizer);

    /// <summary>Sets every parameter group's rate (<see cref="LearningRates.Set"/>).</summary>
    public static void SetRate(optim.Optimizer optimizer, double rate) => LearningRates.Set(optimizer, rate);
}
