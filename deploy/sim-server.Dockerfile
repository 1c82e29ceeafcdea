# The sim server's image: Headroom's simulated models (not real ones) behind an OpenAI-compatible API.
#   ./mvnw -DskipTests package
#   docker build -f deploy/sim-server.Dockerfile -t headroom/sim-server .
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY sim-server/target/lib/ lib/
COPY sim-server/target/sim-server-*.jar lib/
USER 185
EXPOSE 8000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "lib/*", "dev.headroom.simserver.SimServerMain"]
CMD ["--host", "0.0.0.0", "--port", "8000"]
