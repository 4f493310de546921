#!/usr/bin/env bash
# Builds one service image and pushes it to ECR; run by the stack's terraform_data during
# `cdktf deploy` (modules/image-build), or by hand with the same variables:
#   REPOSITORY_URL  <account>.dkr.ecr.<region>.amazonaws.com/<namespace>/<service>
#   IMAGE_TAG       the service's content hash (immutable tag)
#   BUILD_CONTEXT   docker build context;  DOCKERFILE  the Dockerfile
#   BUILD_CONTEXTS  named build contexts, one "name=folder" a line (may be empty)
#   PLATFORM        linux/amd64 or linux/arm64 (the task's CPU architecture)
#   AWS_REGION      the repository's region
set -euo pipefail
: "${REPOSITORY_URL:?}" "${IMAGE_TAG:?}" "${BUILD_CONTEXT:?}" "${DOCKERFILE:?}" "${PLATFORM:?}" "${AWS_REGION:?}"
: "${BUILD_CONTEXTS=}"

registry="${REPOSITORY_URL%%/*}"
repository="${REPOSITORY_URL#*/}"
image="${REPOSITORY_URL}:${IMAGE_TAG}"

# Tags are immutable: a tag already in the repository is this exact content, and pushing it again fails.
if lookup=$(aws ecr describe-images --region "$AWS_REGION" --repository-name "$repository" \
  --image-ids "imageTag=$IMAGE_TAG" --output text 2>&1); then
  echo "$image is already in ECR; nothing to build."
  exit 0
elif [[ "$lookup" != *ImageNotFoundException* ]]; then
  echo "Cannot look up $image in ECR: $lookup" >&2
  exit 1
fi

aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$registry"
named_contexts=()
while IFS= read -r named; do
  if [[ -n "$named" ]]; then named_contexts+=(--build-context "$named"); fi
done <<< "$BUILD_CONTEXTS"
# ${a[@]+...}: an empty array under `set -u` in the bash 3.2 of macOS.
docker build --platform "$PLATFORM" ${named_contexts[@]+"${named_contexts[@]}"} \
  --file "$DOCKERFILE" --tag "$image" "$BUILD_CONTEXT"
docker push "$image"
echo "Pushed $image."
