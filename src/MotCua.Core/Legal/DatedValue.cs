namespace MotCua.Core.Legal;

/// <summary>A setting's value from a date on, with the text it rests on (null when no text confirms it).</summary>
/// <param name="From">First day the value applies.</param>
/// <param name="Value">The value.</param>
/// <param name="Source">The legal text, or null for a value no text confirms.</param>
public sealed record DatedValue<T>(DateOnly From, T Value, LegalSource? Source)
{
    /// <summary>"Căn cứ …", or a plain statement that no confirmed text backs the value.</summary>
    public string Basis => Source?.Basis ?? "Chưa có căn cứ pháp lý được xác nhận";
}

/// <summary>Picks the value in force on a date from a list of dated values.</summary>
public static class DatedValues
{
    /// <summary>
    /// The entry with the latest <see cref="DatedValue{T}.From"/> on or before <paramref name="day"/>; before the first
    /// entry, the first one (the earliest rule the product knows applies to everything before it).
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static DatedValue<T> On<T>(IReadOnlyList<DatedValue<T>> values, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A dated setting needs at least one value.", nameof(values));
        }

        DatedValue<T> found = values[0];
        foreach (DatedValue<T> value in values)
        {
            if (value.From <= day && value.From >= found.From)
            {
                found = value;
            }
        }

        return found;
    }
}
