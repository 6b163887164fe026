using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MentorBot.Tests.EndToEnd;

/// <summary>
/// Test-only: makes the npm telegram-test-api emulator answer as Telegram does, so production code needs no
/// emulator cases (../shared/reference/telegram.md). Its bot messages carry <c>date</c> in milliseconds (turned
/// into seconds); editMessageText/editMessageReplyMarkup answer <c>result: null</c> where Telegram returns the
/// edited message, answerCallbackQuery/deleteMessage <c>null</c> where Telegram returns <c>true</c>; it does not
/// know setMyCommands, sendChatAction, sendDocument or sendPhoto (HTTP 500 with a body of its own), answered here as
/// Telegram would without reaching it.
/// </summary>
public sealed class EmulatorQuirksHandler : DelegatingHandler
{
    private int nextDocumentId = 1_000_000;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri!.Segments[^1];
        switch (method)
        {
            case "setMyCommands" or "sendChatAction":
                return Answer("true");
            case "sendDocument" or "sendPhoto":
                return Answer($$"""{"message_id":{{Interlocked.Increment(ref nextDocumentId)}},"chat":{"id":0,"type":"private"},"date":1788242400}""");
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) return response;
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        switch (method)
        {
            case "sendMessage" when body["result"] is JsonObject message:
                message["date"] = message["date"]!.GetValue<long>() / 1000;
                break;
            case "editMessageText" or "editMessageReplyMarkup" when body["result"] is null:
                var sent = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
                body["result"] = new JsonObject
                {
                    ["message_id"] = sent["message_id"]!.GetValue<int>(),
                    ["chat"] = new JsonObject { ["id"] = sent["chat_id"]!.GetValue<long>(), ["type"] = "private" },
                    ["date"] = 1788242400,
                };
                break;
            case "answerCallbackQuery" or "deleteMessage" when body["result"] is null:
                body["result"] = true;
                break;
        }

        response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return response;
    }

    private static HttpResponseMessage Answer(string resultJson) =>
        new(HttpStatusCode.OK) { Content = new StringContent($$"""{"ok":true,"result":{{resultJson}}}""", Encoding.UTF8, "application/json") };
}
