using HyperLab.Data;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson04;

/// <summary>One depth's results over several seeds (lesson 04).</summary>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Runs">One history per seed.</param>
public sealed record DepthResult(int Depth, IReadOnlyList<History> Runs)
{
    /// <summary>Final validation loss averaged over the seeds (nats).</summary>
    public double MeanValidationLoss => Runs.Average(r => r.FinalValidationLoss);

    /// <summary>Final validation accuracy averaged over the seeds: the accuracy of the weights each run
    /// ended with (the restored best epoch's under early stopping, else the last epoch's).</summary>
    public double MeanValidationAccuracy => Runs.Average(r => (r.FinalEpoch ?? r.LastEpoch!).ValidationAccuracy);

    /// <summary>Epochs each run trained, averaged over the seeds (fewer than the budget under early stopping).</summary>
    public double MeanEpochs => Runs.Average(r => r.Epochs.Count);

    /// <summary>Final training loss averaged over the seeds (nats).</summary>
    public double MeanTrainLoss => Runs.Average(r => r.LastEpoch!.TrainLoss);

    /// <summary>"depth 2: validation loss 0.081, accuracy 97.4% (mean of 3 seeds)".</summary>
    public override string ToString() =>
        $"depth {Depth,2}: mean validation loss {MeanValidationLoss:0.###}, mean validation accuracy {MeanValidationAccuracy:P1}, mean training loss {MeanTrainLoss:0.###} ({Runs.Count} seeds)";
}

/// <summary>Trains the same baseline at several depths and several seeds (lesson 04): a depth sweep averaged over seeds.</summary>
public static class DepthComparison
{
    /// <summary>One run per (depth, seed); everything else from <paramref name="baseline"/>.</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything except depth and seed.</param>
    /// <param name="depths">Depths to compare.</param>
    /// <param name="seeds">Seeds (weights and batch order); average over at least 3 where single runs are noisy.</param>
    public static IReadOnlyList<DepthResult> Run(DataSplits data, Hyperparameters baseline, IEnumerable<int> depths, IReadOnlyList<int> seeds) =>
        Run(data, baseline, depths, seeds, earlyStopping: null);

    /// <summary>As <see cref="Run(DataSplits, Hyperparameters, IEnumerable{int}, IReadOnlyList{int})"/>, with
    /// early stopping (lesson 03) on every run, so that each depth is compared at its own best epoch rather
    /// than after a fixed budget that over-trains some depths more than others (lesson 04).</summary>
    /// <param name="data">Training and validation data.</param>
    /// <param name="baseline">Everything except depth and seed; its epochs are the budget.</param>
    /// <param name="depths">Depths to compare.</param>
    /// <param name="seeds">Seeds (weights and batch order).</param>
    /// <param name="earlyStopping">The stopping rule (it restores the best epoch's weights by default); null for none.</param>
    /// <param name="options">How to run each fit (e.g. a notebook's live progress, <c>lesson.Options</c>); its label is set per run. Default: silent.</param>
    public static IReadOnlyList<DepthResult> Run(DataSplits data, Hyperparameters baseline, IEnumerable<int> depths, IReadOnlyList<int> seeds, EarlyStopping? earlyStopping = null, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(seeds);
        var results = new List<DepthResult>();
        foreach (int depth in depths)
        {
            var runs = new List<History>();
            foreach (int s in seeds)
            {
                using var run = Trainer.Fit(baseline with { Depth = depth, Seed = s }, data, (options ?? new FitOptions()) with { Label = $"depth {depth}, seed {s}", EarlyStopping = earlyStopping });
                runs.Add(run.History);
            }
            results.Add(new DepthResult(depth, runs));
        }
        return results;
    }
}
