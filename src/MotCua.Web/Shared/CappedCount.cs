namespace MotCua.Web.Shared;

/// <summary>
/// A count that stops at a cap: <see cref="Value"/> is exact unless <see cref="AtLeast"/>, in which case more than
/// <see cref="Value"/> rows match ("10.000+"). Used by the queue badges and the officer bell: counting past what
/// anybody reads costs a scan of every matching row on each page.
/// </summary>
public readonly record struct CappedCount(int Value, bool AtLeast)
{
    /// <summary>From a count of at most <paramref name="cap"/> + 1 rows: one row more than the cap means "more than the cap".</summary>
    public static CappedCount Of(int counted, int cap) => counted > cap ? new(cap, true) : new(counted, false);

    /// <summary>The sum; "at least" if any part is.</summary>
    public static CappedCount Sum(params ReadOnlySpan<CappedCount> parts)
    {
        var value = 0;
        var atLeast = false;
        foreach (var p in parts)
        {
            value += p.Value;
            atLeast |= p.AtLeast;
        }
        return new(value, atLeast);
    }

    /// <summary>As shown on a badge (vi-VN digits): "10.000+" when capped, else the exact number.</summary>
    public string Text => AtLeast ? Value.ToVnNumber() + "+" : Value.ToVnNumber();
}
