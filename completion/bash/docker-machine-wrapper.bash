# docker-machine wrapper for bash and zsh (jmachine)
#
# Makes `docker-machine use NAME` switch the current shell to machine NAME, and `use -u` switch
# it back: it evals `docker-machine env` in the shell itself, which no program can do for its
# shell. Source it from ~/.bashrc or ~/.zshrc. DOCKER_MACHINE_WRAPPED=false before sourcing keeps
# `docker-machine` unaliased (call __docker_machine_wrapper yourself then).

: "${DOCKER_MACHINE_WRAPPED:=true}"

__docker_machine_wrapper() {
    # global flags (docker-machine -s PATH use NAME) are passed on to env
    local n=0 skip=false arg
    for arg in "$@"; do
        if [ "$skip" = true ]; then
            skip=false
        else
            case $arg in
                --bugsnag-api-token | -bugsnag-api-token | --github-api-token | -github-api-token | --storage-path | -storage-path | -s | --tls-ca-cert | -tls-ca-cert | --tls-ca-key | -tls-ca-key | --tls-client-cert | -tls-client-cert | --tls-client-key | -tls-client-key) skip=true ;;
                -*) ;;
                *) break ;;
            esac
        fi
        n=$((n + 1))
    done
    local verb="${*:$((n + 1)):1}"
    if [ "$verb" != use ]; then
        command docker-machine "$@"
        return
    fi
    local -a globals
    globals=("${@:1:$n}")
    shift $((n + 1))
    case ${1-} in
        -h | --help | -help | '')
            cat <<'__DOCKER_MACHINE_USE_HELP__'
Usage: docker-machine use [OPTIONS] [arg...]

Evaluate the commands to set up the environment for the Docker client

Description:
   Argument is a machine name.

Options:

   --no-proxy	Add machine IP to NO_PROXY environment variable
   --swarm	Display the Swarm config instead of the Docker daemon
   --unset, -u	Unset variables instead of setting them

__DOCKER_MACHINE_USE_HELP__
            ;;
        *)
            local script
            script=$(command docker-machine "${globals[@]}" env "$@") || return
            eval "$script"
            if [ -n "${DOCKER_MACHINE_NAME-}" ]; then
                echo "Active machine: $DOCKER_MACHINE_NAME"
            fi
            ;;
    esac
}

if [ "$DOCKER_MACHINE_WRAPPED" = true ]; then
    alias docker-machine=__docker_machine_wrapper
    # zsh completes an alias as what it stands for
    if [ -n "${ZSH_VERSION-}" ] && whence compdef >/dev/null 2>&1; then
        compdef __docker_machine_wrapper=docker-machine
    fi
fi
