#!/usr/bin/env bash
# Builds target/kinbridge.jar: Payara Micro with our WAR deployed at "/", fronted by our Launcher
# (which maps KINBRIDGE_PORT and --demo onto Payara Micro's options).
set -euo pipefail
target="$1"
here="$(cd "$(dirname "$0")" && pwd)"
rm -f "$target/kinbridge.jar"
java -jar "$target/payara-micro.jar" --deploy "$target/kinbridge.war:/" --nocluster \
     --prebootcommandfile "$here/../payara/pre-boot-commands.txt" \
     --outputUberJar "$target/kinbridge.jar" > "$target/uber-jar.log" 2>&1 || { cat "$target/uber-jar.log"; exit 1; }
payara_main=$(unzip -p "$target/kinbridge.jar" META-INF/MANIFEST.MF | sed -n 's/^Main-Class: *//p' | tr -d '\r')
[ -n "$payara_main" ] || { echo "No Main-Class in the Payara Micro uber jar" >&2; exit 1; }
rm -rf "$target/boot" && mkdir -p "$target/boot/src" "$target/boot/classes"
sed "s/@PAYARA_MAIN@/$payara_main/" "$here/Launcher.java" > "$target/boot/src/Launcher.java"
javac --release 17 -d "$target/boot/classes" "$target/boot/src/Launcher.java"
jar --update --file "$target/kinbridge.jar" --main-class org.kinbridge.boot.Launcher -C "$target/boot/classes" .
echo "Built $target/kinbridge.jar (Payara main $payara_main)"
