namespace Switchboard.Auth.Parsing;

/// <summary>
/// One auth-param as offsets into the header value: the name, and the value without its quotes (still escaped when
/// <see cref="Escapes"/> is above zero).
/// </summary>
internal readonly record struct AuthParamRange(Range Name, Range Value, bool Quoted, int Escapes);
