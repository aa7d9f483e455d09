# docker-machine prompt helper for bash and zsh (jmachine)
#
# Source it from ~/.bashrc or ~/.zshrc, then put the active machine in your prompt:
#   bash: PS1='[\u@\h \W$(__docker_machine_ps1)]\$ '
#   zsh:  setopt PROMPT_SUBST; PS1='%n@%m %1~$(__docker_machine_ps1 " [%s]")%# '
#
# __docker_machine_ps1 [FORMAT] prints FORMAT (a printf format, default " [%s]") with the machine
# that `eval "$(docker-machine env NAME)"` made active ($DOCKER_MACHINE_NAME), and nothing when
# there is none. With DOCKER_MACHINE_PS1_SHOWSTATUS=true the machine's state follows its name
# (this runs `docker-machine status` for every prompt): R running, S stopped, R->S stopping,
# S->R starting, E error or timeout.

__docker_machine_ps1() {
    local format=${1:- [%s]}
    if [ -n "${DOCKER_MACHINE_NAME-}" ]; then
        local state=
        if [ "${DOCKER_MACHINE_PS1_SHOWSTATUS:-false}" = true ]; then
            case $(command docker-machine status "$DOCKER_MACHINE_NAME" 2>/dev/null) in
                Running) state=' R' ;;
                Stopping) state=' R->S' ;;
                Starting) state=' S->R' ;;
                Error | Timeout) state=' E' ;;
                *) state=' S' ;;
            esac
        fi
        printf -- "$format" "$DOCKER_MACHINE_NAME$state"
    fi
}
