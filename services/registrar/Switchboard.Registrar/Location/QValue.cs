using System.Globalization;

namespace Switchboard.Registrar.Location;

/// <summary>A Contact q-value (RFC 3261 §20.10: 0 to 1, up to 3 decimals) kept as thousandths.
/// An absent q sorts like 1.0 but is not echoed.</summary>
public readonly record struct QValue(int Thousandths, bool IsSpecified)
{
    public static QValue Unspecified => new(1000, false);

    public int SortKey => IsSpecified ? Thousandths : 1000;

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).</summary>
    public static bool TryParse(string? text, out QValue value)
    {
        value = Unspecified;
        if (text is null)
        {
            return true;
        }
        if (text.Length == 0 || text.Length > 5 || (text[0] != '0' && text[0] != '1'))
        {
            return false;
        }
        var thousandths = (text[0] - '0') * 1000;
        if (text.Length > 1)
        {
            if (text[1] != '.')
            {
                return false;
            }
            var scale = 100;
            for (var i = 2; i < text.Length; i++, scale /= 10)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }
                thousandths += (text[i] - '0') * scale;
            }
        }
        if (thousandths > 1000)
        {
            return false;
        }
        value = new QValue(thousandths, true);
        return true;
    }

    public override string ToString()
    {
        if (Thousandths == 1000)
        {
            return "1";
        }
        return (Thousandths / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
    }
}
