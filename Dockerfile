# syntax=docker/dockerfile:1
# Kinbridge production image.
#   docker build -t kinbridge .
#   docker run -p 8080:8080 -e KINBRIDGE_BASE_URL=https://kinbridge.example.org \
#     -e KINBRIDGE_OPERATOR_TOKEN=... -v kinbridge-data:/app/data kinbridge

# --- Stage 1: build target/kinbridge.jar (Payara Micro uber jar) ---
FROM maven:3-eclipse-temurin-17 AS build
# src/main/boot/make-uber-jar.sh reads the jar manifest with unzip; install it if the image lacks it.
RUN command -v unzip >/dev/null 2>&1 || \
    (apt-get update && apt-get install -y --no-install-recommends unzip && rm -rf /var/lib/apt/lists/*)
WORKDIR /build
COPY pom.xml ./
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# --- Stage 2: runtime ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 kinbridge && \
    useradd --system --uid 10001 --gid kinbridge --create-home --home-dir /home/kinbridge \
            --shell /usr/sbin/nologin kinbridge
WORKDIR /app
COPY --from=build /build/target/kinbridge.jar /app/kinbridge.jar
# The embedded H2 default (jdbc:h2:./data/kinbridge) lives under the working directory.
RUN mkdir -p /app/data && chown kinbridge:kinbridge /app/data
VOLUME ["/app/data"]
ENV KINBRIDGE_PORT=8080
EXPOSE 8080
USER 10001:10001
# Ready once the schema is migrated and the database answers (MicroProfile Health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD url="http://127.0.0.1:${KINBRIDGE_PORT:-8080}/health/ready"; \
        if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null "$url"; \
        else wget -q -O /dev/null "$url"; fi || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/kinbridge.jar"]
