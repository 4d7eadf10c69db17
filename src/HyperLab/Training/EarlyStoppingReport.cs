namespace HyperLab.Training;

/// <summary>
/// Why and when a run with <see cref="EarlyStopping"/> ended (lesson 03): made by
/// <see cref="EarlyStopping.Explain"/> from the run's history.
/// </summary>
/// <param name="Rule">The rule the run used.</param>
/// <param name="StopReason">How the run ended: stopped early, completed its epoch budget, or diverged.</param>
/// <param name="StoppedEpoch">The last epoch that ran.</param>
/// <param name="BestEpoch">The epoch with the best monitored value (0 when no epoch was tracked, e.g. all
/// were before <see cref="EarlyStopping.StartFromEpoch"/>).</param>
/// <param name="BestValue">The monitored value at <paramref name="BestEpoch"/> (NaN when none).</param>
/// <param name="EpochsWithoutImprovement">Epochs after the best one without an improvement of more than
/// <see cref="EarlyStopping.MinDelta"/>; equals the patience when the rule stopped the run.</param>
/// <param name="RestoredEpoch">The epoch whose weights the model holds after the run, when they were put back
/// (null when the model kept its last weights, e.g. because the last epoch was the best).</param>
public sealed record EarlyStoppingReport(EarlyStopping Rule, StopReason StopReason, int StoppedEpoch, int BestEpoch,
    double BestValue, int EpochsWithoutImprovement, int? RestoredEpoch)
{
    /// <summary>True when the rule ended the run before its epoch budget.</summary>
    public bool StoppedEarly => StopReason == StopReason.EarlyStopped;

    /// <summary>Epochs that ran after the best one: at most <see cref="EarlyStopping.Patience"/> when
    /// the rule stopped the run.</summary>
    public int EpochsAfterBest => BestEpoch == 0 ? StoppedEpoch : StoppedEpoch - BestEpoch;

    /// <summary>The epoch whose weights the model ends with: the restored one, else the last.</summary>
    public int ModelEpoch => RestoredEpoch ?? StoppedEpoch;

    /// <summary>The reason in one sentence, e.g. "stopped after epoch 13: validation loss did not improve on
    /// its best 0.5163 (epoch 8) for 5 epochs (patience 5); restored the weights of epoch 8".</summary>
    public override string ToString()
    {
        string metric = EarlyStopping.Describe(Rule.Monitor);
        string by = Rule.MinDelta > 0 ? $" by more than {Hyperparameters.Fmt(Rule.MinDelta)}" : "";
        string best = BestEpoch == 0 ? "no epoch was tracked" : $"its best {BestValue:0.####} (epoch {BestEpoch})";
        string end = StopReason switch
        {
            StopReason.EarlyStopped =>
                $"stopped after epoch {StoppedEpoch}: {metric} did not improve{by} on {best} for {EpochsWithoutImprovement} epochs (patience {Rule.Patience})",
            StopReason.Diverged => $"diverged in epoch {StoppedEpoch + 1}; {metric}: {best}",
            _ => $"ran its whole budget of {StoppedEpoch} epochs; {metric}: {best}, then {EpochsWithoutImprovement} epochs without improvement (patience {Rule.Patience} not used up)",
        };
        string weights = RestoredEpoch is int r ? $"; restored the weights of epoch {r}"
            : Rule.RestoreBestWeights ? "; kept the last weights (the last epoch was the best)" : "; kept the last weights";
        return end + weights + (Rule.CheckpointPath is null ? "" : $"; best weights saved to {Rule.CheckpointPath}");
    }
}
