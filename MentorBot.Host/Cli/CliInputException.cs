namespace MentorBot.Host.Cli;

/// <summary>
/// Bad input to a CLI verb (a missing file, malformed JSON, an unknown organisation…).
/// <see cref="CliApp"/> prints its message as one line to stderr and exits with code 2;
/// the verb must throw it before changing anything.
/// </summary>
/// <param name="message">The one-line reason, in English, naming the offending input.</param>
public sealed class CliInputException(string message) : Exception(message);
