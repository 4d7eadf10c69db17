using HyperLab.Schedules;

namespace HyperLab.Tracking;

/// <summary>
/// <see cref="Hyperparameters"/> as plain fields, so a trial's settings can be written to an
/// experiment log and read back exactly (lesson 07). Convert with <see cref="From"/> and
/// <see cref="ToHyperparameters"/>; the round trip gives an equal record for every schedule the
/// course uses (constant, step decay, cosine, warmup + cosine, reduce on plateau, linear warmup).
/// </summary>
public sealed record HyperparameterRecord(
    double LearningRate, int BatchSize, int Epochs, int Depth, int Width, double WeightDecay, double L1, double Dropout,
    int? Patience, string Optimizer, string Activation, string Normalization, bool Residual, int Seed,
    int AugmentShift, bool AugmentFlip, double AugmentNoise, ScheduleRecord Schedule)
{
    /// <summary>The plain form of <paramref name="hp"/>.</summary>
    public static HyperparameterRecord From(Hyperparameters hp)
    {
        ArgumentNullException.ThrowIfNull(hp);
        return new(hp.LearningRate, hp.BatchSize, hp.Epochs, hp.Depth, hp.Width, hp.WeightDecay, hp.L1, hp.Dropout, hp.Patience,
            hp.Optimizer.ToString(), hp.Activation.ToString(), hp.Normalization.ToString(), hp.Residual, hp.Seed,
            hp.Augmentation.MaxShift, hp.Augmentation.HorizontalFlip, hp.Augmentation.Noise, ScheduleRecord.From(hp.Schedule));
    }

    /// <summary>The validated <see cref="Hyperparameters"/> again; a bad value throws the usual teaching error.</summary>
    public Hyperparameters ToHyperparameters() => new()
    {
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        Epochs = Epochs,
        Depth = Depth,
        Width = Width,
        WeightDecay = WeightDecay,
        L1 = L1,
        Dropout = Dropout,
        Patience = Patience,
        Optimizer = Enum.Parse<OptimizerKind>(Optimizer),
        Activation = Enum.Parse<Activation>(Activation),
        Normalization = Enum.Parse<Normalization>(Normalization),
        Residual = Residual,
        Seed = Seed,
        Augmentation = AugmentShift == 0 && !AugmentFlip && AugmentNoise == 0 ? Augmentation.None : new Augmentation(AugmentShift, AugmentFlip, AugmentNoise),
        Schedule = Schedule.ToSchedule(),
    };
}

/// <summary>A schedule as a kind and its numbers (lesson 07's log). Unused numbers are null.</summary>
public sealed record ScheduleRecord(string Kind, double? A = null, double? B = null, double? C = null)
{
    /// <summary>The plain form of <paramref name="schedule"/>; throws for a schedule type the course does not define.</summary>
    public static ScheduleRecord From(Schedule schedule) => schedule switch
    {
        CosineSchedule c => new("cosine", c.MinFactor),
        WarmupCosineSchedule w => new("warmup-cosine", w.WarmupFraction, w.StartFactor, w.MinFactor),
        StepDecaySchedule s => new("step", s.EveryEpochs, s.Factor),
        ReduceOnPlateauSchedule p => new("plateau", p.Factor, p.Patience),
        LinearWarmup l => new("linear-warmup", l.Epochs, l.StartFactor),
        _ when schedule == Schedules.Schedule.Constant => new("constant"),
        _ => throw new NotSupportedException($"The schedule '{schedule}' ({schedule.GetType().Name}) cannot be written to an experiment log."),
    };

    /// <summary>The schedule again.</summary>
    public Schedule ToSchedule() => Kind switch
    {
        "constant" => Schedules.Schedule.Constant,
        "cosine" => Schedules.Schedule.Cosine(A ?? 0),
        "warmup-cosine" => Schedules.Schedule.WarmupCosine(A!.Value, B!.Value, C ?? 0),
        "step" => Schedules.Schedule.StepDecay(A is double e ? (int)e : null, B!.Value),
        "plateau" => Schedules.Schedule.ReduceOnPlateau(A!.Value, (int)B!.Value),
        "linear-warmup" => new LinearWarmup(A!.Value, B!.Value),
        _ => throw new NotSupportedException($"Unknown schedule kind '{Kind}' in the experiment log: expected constant, cosine, warmup-cosine, step, plateau or linear-warmup."),
    };
}
