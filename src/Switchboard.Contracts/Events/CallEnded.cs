namespace Switchboard.Contracts.Events;

/// <summary>
/// A call is over: by BYE after an answer, or by a final non-2xx response / CANCEL before one.
/// </summary>
/// <param name="AnsweredAt">Null when the call was never answered.</param>
/// <param name="Status">The SIP status that decided the result (200 for a normal hang-up, 486, 487...).</param>
public sealed record CallEnded(
    string CallId,
    string From,
    string To,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    int Status,
    string Reason);
