using static TorchSharp.torch;

namespace HyperLab.Schedules;

/// <summary>Reads and sets an optimizer's learning rate (lesson 01): what every schedule moves.</summary>
public static class LearningRates
{
    /// <summary>The rate of the optimizer's first parameter group.</summary>
    public static double Of(optim.Optimizer optimizer) => optimizer.ParamGroups.First().LearningRate;

    /// <summary>Sets every parameter group's rate.</summary>
    public static void Set(optim.Optimizer optimizer, double rate)
    {
        foreach (var g in optimizer.ParamGroups) g.LearningRate = rate;
    }
}
