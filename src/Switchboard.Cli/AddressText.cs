namespace Switchboard.Cli;

/// <summary>Splits <c>user@domain</c> (a leading <c>sip:</c> is allowed) for the commands that take an address.</summary>
internal static class AddressText
{
    public static (string User, string Domain) Split(string address)
    {
        var text = address.Trim();
        if (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
            text = text[4..];
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
            throw new CliException($"expected user@domain, got '{address}'");
        return (text[..at], text[(at + 1)..]);
    }
}
