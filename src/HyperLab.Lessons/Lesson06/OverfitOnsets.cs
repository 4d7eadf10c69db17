using System.Globalization;
using HyperLab.Sweeps;
using HyperLab.Training;

namespace HyperLab.Lessons.Lesson06;

/// <summary>One run's overfitting onset: the epoch of its lowest validation loss, after which validation loss rises.</summary>
/// <param name="Strength">The regularization strength of the run.</param>
/// <param name="Epoch">The epoch of the validation minimum (the onset).</param>
/// <param name="Loss">The validation loss there (nats).</param>
/// <param name="Epochs">Epochs the run trained.</param>
public sealed record OverfitOnset(double Strength, int Epoch, double Loss, int Epochs);

/// <summary>
/// Where overfitting starts for each regularization strength of a sweep (lesson 06, on lesson 03's recipe): the
/// onset of a run is the epoch of its lowest validation loss. A run whose minimum is its last epoch has not started
/// overfitting within the budget.
/// </summary>
/// <param name="Knob">The regularization knob, e.g. "dropout".</param>
/// <param name="Onsets">One per run, in the sweep's order.</param>
public sealed record OverfitOnsets(string Knob, IReadOnlyList<OverfitOnset> Onsets)
{
    /// <summary>Reads the onsets of a sweep over a regularization strength (diverged runs are left out).</summary>
    public static OverfitOnsets Of(SweepResult<double> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var onsets = sweep.Points.Where(p => !p.History.Diverged && p.History.BestEpoch is not null)
            .Select(p => new OverfitOnset(p.Value, p.History.BestEpoch!.Epoch, p.History.BestEpoch.ValidationLoss, p.History.Epochs.Count)).ToList();
        return new OverfitOnsets(sweep.Knob, onsets);
    }

    /// <summary>True when, ordered by strength, no onset comes earlier than the previous one and the strongest run's
    /// onset is later than the weakest's.</summary>
    public bool LaterWithStrength
    {
        get
        {
            var byStrength = Onsets.OrderBy(o => o.Strength).ToList();
            return byStrength.Count >= 2 && byStrength.Zip(byStrength.Skip(1)).All(p => p.Second.Epoch >= p.First.Epoch) && byStrength[^1].Epoch > byStrength[0].Epoch;
        }
    }

    /// <summary>"dropout 0 → epoch 8, 0.3 → epoch 14, 0.6 → epoch 36 (of 40)".</summary>
    public override string ToString() => "overfitting onset (epoch of the lowest validation loss): " + string.Join(", ", Onsets.Select(o =>
        string.Create(CultureInfo.InvariantCulture, $"{Knob} {Hyperparameters.Fmt(o.Strength)} → epoch {o.Epoch} of {o.Epochs} ({o.Loss:0.###} nats)")));
}
