# Quorum: a static binary on a distroless base, running as a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/quorum ./cmd/quorum

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/quorum /usr/local/bin/quorum
USER nonroot:nonroot
EXPOSE 8080
ENV LISTEN_ADDR=:8080
ENTRYPOINT ["/usr/local/bin/quorum"]
CMD ["serve"]
