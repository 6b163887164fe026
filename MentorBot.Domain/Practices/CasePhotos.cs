namespace MentorBot.Domain.Practices;

/// <summary>
/// Which attached files of a case go back as photos (Bot API sendPhoto) rather than as documents: JPEG or PNG by their
/// first bytes (a name may lie), at most <see cref="MaxBytes"/>.
/// </summary>
public static class CasePhotos
{
    /// <summary>Bot API: a photo sent by upload is at most 10 MB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>True when <paramref name="content"/> is a JPEG or PNG image small enough to send as a photo.</summary>
    public static bool IsPhoto(ReadOnlySpan<byte> content) =>
        content.Length <= MaxBytes && (content.StartsWith(Jpeg) || content.StartsWith(Png));
}
