# Production image: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish MentorBot.Host -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The charts of the reports and the digest (ScottPlot) are set in DejaVu Sans: a font with Cyrillic, and fontconfig to find it.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core fontconfig && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# Webhook mode listens here; polling mode needs no inbound port.
ENV MENTORBOT_LISTEN_URL=http://0.0.0.0:8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "mentorbot.dll"]
CMD ["run"]
