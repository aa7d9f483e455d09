# docker-machine prompt helper for fish (jmachine)
#
# Source it from ~/.config/fish/config.fish (or save it as
# ~/.config/fish/functions/__docker_machine_ps1.fish), then use it in your prompt:
#   function fish_right_prompt; __docker_machine_ps1; end
#
# __docker_machine_ps1 [FORMAT] prints FORMAT (a printf format, default " [%s]") with the machine
# that `docker-machine env NAME | source` made active ($DOCKER_MACHINE_NAME), and nothing when
# there is none. With DOCKER_MACHINE_PS1_SHOWSTATUS=true the machine's state follows its name
# (this runs `docker-machine status` for every prompt): R running, S stopped, R->S stopping,
# S->R starting, E error or timeout.

function __docker_machine_ps1 --description 'The active docker machine, for a prompt'
    set -l format ' [%s]'
    set -q argv[1]; and set format $argv[1]
    test -n "$DOCKER_MACHINE_NAME"; or return 0
    set -l state
    if test "$DOCKER_MACHINE_PS1_SHOWSTATUS" = true
        switch (command docker-machine status $DOCKER_MACHINE_NAME 2>/dev/null)
            case Running
                set state ' R'
            case Stopping
                set state ' R->S'
            case Starting
                set state ' S->R'
            case Error Timeout
                set state ' E'
            case '*'
                set state ' S'
        end
    end
    printf $format "$DOCKER_MACHINE_NAME$state"
end
