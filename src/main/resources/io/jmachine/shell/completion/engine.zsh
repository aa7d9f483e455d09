# ---------------------------------------------------------------------------------------------
# The completion logic. It never starts docker-machine (a JVM): machine names are the folders of
# the store the completed command line would use.

# REPLY: the store folder of the command line: -s/--storage-path before the verb, else
# $MACHINE_STORAGE_PATH, else ~/.docker/machine.
__docker-machine_store() {
    local i word store=${MACHINE_STORAGE_PATH:-$HOME/.docker/machine}
    for (( i = 2; i < CURRENT; i++ )); do
        word=${words[i]}
        case $word in
            (-s|--storage-path|-storage-path)
                (( i + 1 < CURRENT )) && store=${(Q)words[i+1]}
                [[ $store == '~' || $store == '~/'* ]] && store=$HOME${store#\~}
                (( i++ ))
                ;;
            (-s=*|--storage-path=*|-storage-path=*)
                store=${(Q)word#*=}
                ;;
            (-*)
                [[ $word == *=* ]] && continue
                [[ $word == -[^-]?* ]] && word=-$word # Go's -flag is --flag
                (( ${__docker_machine_global_value_flags[(Ie)$word]} )) && (( i++ ))
                ;;
            (*)
                break
                ;;
        esac
    done
    REPLY=$store
}

# reply: the machine names in the store, as `docker-machine ls -q` lists them.
__docker-machine_machine_names() {
    local dir
    reply=()
    for dir in $__docker_machine_store/machines/*(N-/); do
        [[ ${dir:t} =~ '^[a-zA-Z0-9][a-zA-Z0-9.-]*$' ]] && reply+=(${dir:t})
    done
}

__docker-machine_machines() {
    local expl
    local -a reply
    __docker-machine_machine_names
    _wanted machines expl machine compadd "$@" -a reply
}

# machine: for scp and mount, after a `user@` the word may start with.
__docker-machine_remote_machines() {
    local expl
    local -a reply
    compset -P '*@'
    __docker-machine_machine_names
    _wanted machines expl machine compadd -S : -q "$@" -a reply
}

__docker-machine_drivers() {
    local expl
    _wanted drivers expl driver compadd "$@" -a __docker_machine_drivers
}

__docker-machine_verbs() {
    local -a verbs
    verbs=($__docker_machine_verb_descriptions)
    [[ ${DOCKER_MACHINE_WRAPPED-} == true ]] && verbs+=("use:$__docker_machine_use_description")
    _describe -t commands 'docker-machine command' verbs
}

# ls --filter: KEY= first, then the values of that key.
__docker-machine_filter() {
    local expl key
    if compset -P '*='; then
        key=${${IPREFIX%=}##*=}
        case $key in
            (driver) _wanted drivers expl driver compadd -a __docker_machine_drivers ;;
            (state) _wanted states expl state compadd -a __docker_machine_states ;;
            (name|swarm) __docker-machine_machines ;;
            (*) _message value ;;
        esac
    else
        _wanted keys expl 'filter key' compadd -S = -q -a __docker_machine_filter_keys
    fi
}

# scp: local files, or machine: (a remote path would need ssh).
__docker-machine_scp_arg() {
    if compset -P '*:'; then
        _message 'path on the machine'
        return 1
    fi
    _alternative 'machines:machine:__docker-machine_remote_machines' 'files:file:_files'
}

# The create flags of the driver the command line names (--driver/-d, $MACHINE_DRIVER, default).
__docker-machine_verb_create() {
    local i driver=${MACHINE_DRIVER:-$__docker_machine_default_driver}
    for (( i = 2; i <= $#words; i++ )); do
        case ${words[i]} in
            (-d|--driver|-driver) (( i < $#words )) && driver=${(Q)words[i+1]} ;;
            (-d=*|--driver=*|-driver=*) driver=${(Q)words[i]#*=} ;;
        esac
    done
    local -a reply
    __docker-machine_driver_specs $driver
    _arguments -S $__docker_machine_create_specs $reply '1:machine name: '
}

_docker-machine() {
    local curcontext=$curcontext state line REPLY ret=1
    local -A opt_args
    local __docker_machine_store
    __docker-machine_store
    __docker_machine_store=$REPLY

    _arguments -C $__docker_machine_global_specs '1: :->verb' '*:: :->args' && ret=0
    case $state in
        (verb)
            __docker-machine_verbs && ret=0
            ;;
        (args)
            curcontext=${curcontext%:*:*}:docker-machine-${words[1]}:
            if (( $+functions[__docker-machine_verb_${words[1]}] )); then
                __docker-machine_verb_${words[1]} && ret=0
            fi
            ;;
    esac
    return ret
}

if [[ $funcstack[1] == _docker-machine ]]; then
    # autoloaded from $fpath by compinit: this is the first completion
    _docker-machine "$@"
else
    # sourced (source <(docker-machine completion zsh)): register
    compdef _docker-machine docker-machine docker-machine.exe
fi
