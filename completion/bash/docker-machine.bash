# bash completion for docker-machine (jmachine)                    -*- shell-script -*-
#
# Generated from jmachine's command model by `docker-machine completion bash`: do not
# edit. Install it as /usr/share/bash-completion/completions/docker-machine, or source it
# from ~/.bashrc. Uses bash-completion when it is loaded (recommended).
# DOCKER_MACHINE_WRAPPED=true (set by docker-machine-wrapper.bash) adds the `use` verb.

__docker_machine_verbs='active completion config create env inspect ip kill ls provision regenerate-certs restart rm ssh scp mount start status stop upgrade url version help'
__docker_machine_drivers='amazonec2 digitalocean generic none nspawn'
__docker_machine_default_driver='virtualbox'
__docker_machine_shells='bash cmd csh emacs fish ksh powershell pwsh sh tcsh zsh'
__docker_machine_filter_keys='driver label name state swarm'
__docker_machine_states='Error Paused Running Saved Starting Stopped Stopping Timeout'

# REPLY: the flags of verb $1 ('' for the global flags).
__docker_machine_flags() {
    case $1 in
    '') REPLY='--bugsnag-api-token --debug -D --github-api-token --help -h --native-ssh --no-host-key-pinning --storage-path -s --tls-ca-cert --tls-ca-key --tls-client-cert --tls-client-key --version -v' ;;
    active) REPLY='--help -h --timeout -t' ;;
    completion) REPLY='--help -h' ;;
    config) REPLY='--help -h --swarm' ;;
    create) REPLY='--driver -d --engine-env --engine-insecure-registry --engine-install-strategy --engine-install-url --engine-label --engine-opt --engine-registry-mirror --engine-storage-driver --help -h --swarm --swarm-addr --swarm-discovery --swarm-experimental --swarm-host --swarm-image --swarm-join-opt --swarm-master --swarm-opt --swarm-strategy --tls-san' ;;
    env) REPLY='--help -h --no-proxy --shell --swarm --unset -u' ;;
    inspect) REPLY='--format -f --help -h' ;;
    ip) REPLY='--help -h' ;;
    kill) REPLY='--help -h' ;;
    ls) REPLY='--filter --format -f --help -h --quiet -q --timeout -t' ;;
    provision) REPLY='--help -h' ;;
    regenerate-certs) REPLY='--client-certs --force -f --help -h' ;;
    restart) REPLY='--help -h' ;;
    rm) REPLY='--force -f --help -h -y' ;;
    ssh) REPLY='--help -h' ;;
    scp) REPLY='--delta -d --help -h --quiet -q --recursive -r' ;;
    mount) REPLY='--help -h --unmount -u' ;;
    start) REPLY='--help -h' ;;
    status) REPLY='--help -h' ;;
    stop) REPLY='--help -h' ;;
    upgrade) REPLY='--help -h' ;;
    url) REPLY='--help -h' ;;
    version) REPLY='--help -h' ;;
    help) REPLY='' ;;
    use) REPLY='--help -h --no-proxy --swarm --unset -u' ;;
    *) REPLY= ;;
    esac
}

# REPLY: how the value of flag $2 of verb $1 completes: none (the flag takes no value),
# any, file, directory, driver, shell, filter or words:WORD...
__docker_machine_value() {
    case $1 in
    '')
        case $2 in
        --bugsnag-api-token) REPLY='any' ;;
        --github-api-token) REPLY='any' ;;
        --storage-path | -s) REPLY='directory' ;;
        --tls-ca-cert) REPLY='file' ;;
        --tls-ca-key) REPLY='file' ;;
        --tls-client-cert) REPLY='file' ;;
        --tls-client-key) REPLY='file' ;;
        *) REPLY=none ;;
        esac
        ;;
    active)
        case $2 in
        --timeout | -t) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    create)
        case $2 in
        --driver | -d) REPLY='driver' ;;
        --engine-env) REPLY='any' ;;
        --engine-insecure-registry) REPLY='any' ;;
        --engine-install-strategy) REPLY='any' ;;
        --engine-install-url) REPLY='any' ;;
        --engine-label) REPLY='any' ;;
        --engine-opt) REPLY='any' ;;
        --engine-registry-mirror) REPLY='any' ;;
        --engine-storage-driver) REPLY='words:aufs btrfs devicemapper overlay overlay2 vfs zfs' ;;
        --swarm-addr) REPLY='any' ;;
        --swarm-discovery) REPLY='any' ;;
        --swarm-host) REPLY='any' ;;
        --swarm-image) REPLY='any' ;;
        --swarm-join-opt) REPLY='any' ;;
        --swarm-opt) REPLY='any' ;;
        --swarm-strategy) REPLY='words:binpack random spread' ;;
        --tls-san) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    env)
        case $2 in
        --shell) REPLY='shell' ;;
        *) REPLY=none ;;
        esac
        ;;
    inspect)
        case $2 in
        --format | -f) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    ls)
        case $2 in
        --filter) REPLY='filter' ;;
        --format | -f) REPLY='any' ;;
        --timeout | -t) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    *) REPLY=none ;;
    esac
}

# REPLY: what the arguments of verb $1 are: none, machine (one), machines, name (a new one),
# ssh, scp, mount, verb or words:WORD...
__docker_machine_args() {
    case $1 in
    active) REPLY=none ;;
    completion) REPLY='words:bash zsh fish prompt wrapper fish-prompt fish-wrapper' ;;
    config) REPLY=machine ;;
    create) REPLY=name ;;
    env) REPLY=machine ;;
    inspect) REPLY=machine ;;
    ip) REPLY=machines ;;
    kill) REPLY=machines ;;
    ls) REPLY=none ;;
    provision) REPLY=machines ;;
    regenerate-certs) REPLY=machines ;;
    restart) REPLY=machines ;;
    rm) REPLY=machines ;;
    ssh) REPLY=ssh ;;
    scp) REPLY=scp ;;
    mount) REPLY=mount ;;
    start) REPLY=machines ;;
    status) REPLY=machine ;;
    stop) REPLY=machines ;;
    upgrade) REPLY=machines ;;
    url) REPLY=machine ;;
    version) REPLY=machine ;;
    help) REPLY=verb ;;
    use) REPLY=machine ;;
    *) REPLY=none ;;
    esac
}

# REPLY: the create flags driver $1 adds.
__docker_machine_driver_flags() {
    case $1 in
    'amazonec2') REPLY='--amazonec2-access-key --amazonec2-ami --amazonec2-block-duration-minutes --amazonec2-device-name --amazonec2-endpoint --amazonec2-iam-instance-profile --amazonec2-insecure-transport --amazonec2-instance-type --amazonec2-keypair-name --amazonec2-monitoring --amazonec2-open-port --amazonec2-private-address-only --amazonec2-region --amazonec2-request-spot-instance --amazonec2-retries --amazonec2-root-size --amazonec2-secret-key --amazonec2-security-group --amazonec2-security-group-readonly --amazonec2-session-token --amazonec2-spot-price --amazonec2-ssh-keypath --amazonec2-ssh-port --amazonec2-ssh-user --amazonec2-subnet-id --amazonec2-tags --amazonec2-use-ebs-optimized-instance --amazonec2-use-private-address --amazonec2-userdata --amazonec2-volume-type --amazonec2-vpc-id --amazonec2-zone' ;;
    'digitalocean') REPLY='--digitalocean-access-token --digitalocean-backups --digitalocean-image --digitalocean-ipv6 --digitalocean-monitoring --digitalocean-private-networking --digitalocean-region --digitalocean-size --digitalocean-ssh-key-fingerprint --digitalocean-ssh-key-path --digitalocean-ssh-port --digitalocean-ssh-user --digitalocean-tags --digitalocean-userdata' ;;
    'generic') REPLY='--generic-engine-port --generic-ip-address --generic-ssh-key --generic-ssh-port --generic-ssh-user' ;;
    'none') REPLY='--url' ;;
    'nspawn') REPLY='--nspawn-bind --nspawn-cpu-count --nspawn-memory --nspawn-mirror --nspawn-subnet --nspawn-suite' ;;
    *) REPLY= ;;
    esac
}

# REPLY: how the value of flag $2 of driver $1 completes (as __docker_machine_value).
__docker_machine_driver_value() {
    case $1 in
    'amazonec2')
        case $2 in
        --amazonec2-access-key) REPLY='any' ;;
        --amazonec2-ami) REPLY='any' ;;
        --amazonec2-block-duration-minutes) REPLY='any' ;;
        --amazonec2-device-name) REPLY='any' ;;
        --amazonec2-endpoint) REPLY='any' ;;
        --amazonec2-iam-instance-profile) REPLY='any' ;;
        --amazonec2-instance-type) REPLY='any' ;;
        --amazonec2-keypair-name) REPLY='any' ;;
        --amazonec2-open-port) REPLY='any' ;;
        --amazonec2-region) REPLY='any' ;;
        --amazonec2-retries) REPLY='any' ;;
        --amazonec2-root-size) REPLY='any' ;;
        --amazonec2-secret-key) REPLY='any' ;;
        --amazonec2-security-group) REPLY='any' ;;
        --amazonec2-session-token) REPLY='any' ;;
        --amazonec2-spot-price) REPLY='any' ;;
        --amazonec2-ssh-keypath) REPLY='any' ;;
        --amazonec2-ssh-port) REPLY='any' ;;
        --amazonec2-ssh-user) REPLY='any' ;;
        --amazonec2-subnet-id) REPLY='any' ;;
        --amazonec2-tags) REPLY='any' ;;
        --amazonec2-userdata) REPLY='any' ;;
        --amazonec2-volume-type) REPLY='any' ;;
        --amazonec2-vpc-id) REPLY='any' ;;
        --amazonec2-zone) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    'digitalocean')
        case $2 in
        --digitalocean-access-token) REPLY='any' ;;
        --digitalocean-image) REPLY='any' ;;
        --digitalocean-region) REPLY='any' ;;
        --digitalocean-size) REPLY='any' ;;
        --digitalocean-ssh-key-fingerprint) REPLY='any' ;;
        --digitalocean-ssh-key-path) REPLY='file' ;;
        --digitalocean-ssh-port) REPLY='any' ;;
        --digitalocean-ssh-user) REPLY='any' ;;
        --digitalocean-tags) REPLY='any' ;;
        --digitalocean-userdata) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    'generic')
        case $2 in
        --generic-engine-port) REPLY='any' ;;
        --generic-ip-address) REPLY='any' ;;
        --generic-ssh-key) REPLY='file' ;;
        --generic-ssh-port) REPLY='any' ;;
        --generic-ssh-user) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    'none')
        case $2 in
        --url) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    'nspawn')
        case $2 in
        --nspawn-bind) REPLY='any' ;;
        --nspawn-cpu-count) REPLY='any' ;;
        --nspawn-memory) REPLY='any' ;;
        --nspawn-mirror) REPLY='any' ;;
        --nspawn-subnet) REPLY='any' ;;
        --nspawn-suite) REPLY='any' ;;
        *) REPLY=none ;;
        esac
        ;;
    *) REPLY=none ;;
    esac
}

# ---------------------------------------------------------------------------------------------
# The completion logic. It never starts docker-machine (a JVM): machine names are the folders of
# the store the completed command line would use.

# REPLY: the value $1 stands for once the shell has removed its quotes ('...', "...", \x) and
# expanded a leading ~. Nothing else is expanded.
__docker_machine_dequote() {
    local in=$1 out= c q= i
    if [[ $in == '~' || $in == '~/'* ]]; then
        out=$HOME
        in=${in:1}
    fi
    for ((i = 0; i < ${#in}; i++)); do
        c=${in:i:1}
        if [[ $q == "'" ]]; then
            if [[ $c == "'" ]]; then q=; else out+=$c; fi
        elif [[ $q == '"' ]]; then
            if [[ $c == '"' ]]; then
                q=
            elif [[ $c == '\' && ${in:i+1:1} == [\"\\\$\`] ]]; then
                out+=${in:i+1:1}
                ((i++))
            else
                out+=$c
            fi
        elif [[ $c == "'" || $c == '"' ]]; then
            q=$c
        elif [[ $c == '\' ]]; then
            out+=${in:i+1:1}
            ((i++))
        else
            out+=$c
        fi
    done
    REPLY=$out
}

# `-storage-path` is Go's spelling of `--storage-path`.
__docker_machine_long() {
    if [[ $1 == -[!-]?* ]]; then REPLY=-$1; else REPLY=$1; fi
}

# Whether flag $2 of verb $1 ('' for a global flag) takes a value in the next word.
__docker_machine_takes_value() {
    [[ $2 == *=* ]] && return 1
    __docker_machine_value_of "$1" "$2"
    [[ $REPLY != none ]]
}

# REPLY: how the value of flag $2 of verb $1 completes; create asks the chosen driver too.
__docker_machine_value_of() {
    local flag
    __docker_machine_long "$2"
    flag=$REPLY
    __docker_machine_value "$1" "$flag"
    if [[ $REPLY == none && $1 == create ]]; then
        __docker_machine_driver
        __docker_machine_driver_value "$REPLY" "$flag"
    fi
}

# REPLY: the store folder of the command line being completed: -s/--storage-path before the
# verb, else $MACHINE_STORAGE_PATH, else ~/.docker/machine.
__docker_machine_store() {
    local i word store=${MACHINE_STORAGE_PATH:-$HOME/.docker/machine}
    for ((i = 1; i < cword && (verb_at == 0 || i < verb_at); i++)); do
        word=${words[i]}
        case $word in
            -s | --storage-path | -storage-path)
                if ((i + 1 < cword)); then
                    __docker_machine_dequote "${words[i + 1]}"
                    store=$REPLY
                fi
                ((i++))
                ;;
            -s=* | --storage-path=* | -storage-path=*)
                __docker_machine_dequote "${word#*=}"
                store=$REPLY
                ;;
            -*)
                __docker_machine_takes_value '' "$word" && ((i++))
                ;;
        esac
    done
    REPLY=$store
}

# REPLY: the machine names in the store, as `docker-machine ls -q` lists them.
__docker_machine_machines() {
    __docker_machine_store
    local store=$REPLY dir name names=() options
    options=$(shopt -p nullglob dotglob failglob nocaseglob)
    shopt -s nullglob
    shopt -u dotglob failglob nocaseglob
    for dir in "$store"/machines/*/; do
        dir=${dir%/}
        name=${dir##*/}
        [[ $name =~ ^[a-zA-Z0-9][a-zA-Z0-9.-]*$ ]] && names+=("$name")
    done
    eval "$options"
    REPLY=${names[*]}
}

# REPLY: the driver of the create command line: --driver/-d, else $MACHINE_DRIVER, else the default.
__docker_machine_driver() {
    local i word driver=${MACHINE_DRIVER:-$__docker_machine_default_driver}
    for ((i = verb_at + 1; i < ${#words[@]}; i++)); do
        word=${words[i]}
        case $word in
            -d | --driver | -driver)
                ((i + 1 < ${#words[@]})) && driver=${words[i + 1]}
                ((i++))
                ;;
            -d=* | --driver=* | -driver=*) driver=${word#*=} ;;
        esac
    done
    REPLY=$driver
}

__docker_machine_filedir() {
    if declare -F _filedir >/dev/null; then
        _filedir "$@"
    else
        compopt -o filenames
        if [[ $1 == -d ]]; then
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        fi
    fi
}

__docker_machine_words() {
    local IFS=$' \t\n'
    COMPREPLY=($(compgen -W "$1" -- "$cur"))
}

# ls --filter: KEY= first, then KEY=VALUE with the values of that key.
__docker_machine_complete_filter() {
    if [[ $cur != *=* ]]; then
        local IFS=$' \t\n'
        COMPREPLY=($(compgen -S = -W "$__docker_machine_filter_keys" -- "$cur"))
        compopt -o nospace
        return
    fi
    local key=${cur%%=*} list=
    case $key in
        driver) list=$__docker_machine_drivers ;;
        state) list=$__docker_machine_states ;;
        name | swarm)
            __docker_machine_machines
            list=$REPLY
            ;;
    esac
    local IFS=$' \t\n'
    if [[ $COMP_WORDBREAKS == *=* ]]; then
        # the shell replaces only what follows the last '='
        COMPREPLY=($(compgen -W "$list" -- "${cur#*=}"))
    else
        COMPREPLY=($(compgen -P "$key=" -W "$list" -- "${cur#*=}"))
    fi
}

# Completes a flag value of kind $1.
__docker_machine_complete_value() {
    case $1 in
        file) __docker_machine_filedir ;;
        directory) __docker_machine_filedir -d ;;
        driver) __docker_machine_words "$__docker_machine_drivers" ;;
        shell) __docker_machine_words "$__docker_machine_shells" ;;
        filter) __docker_machine_complete_filter ;;
        words:*) __docker_machine_words "${1#words:}" ;;
        *) COMPREPLY=() ;;
    esac
}

# Machine names ending in ':' (scp and mount), after a `user@` the word may start with.
__docker_machine_remote_machines() {
    __docker_machine_machines
    local user=
    [[ $cur == *@* ]] && user=${cur%%@*}@
    local IFS=$' \t\n'
    COMPREPLY=($(compgen -P "$user" -S : -W "$REPLY" -- "${cur#"$user"}"))
}

# Completes positional argument number $2 (0-based) of verb $1.
__docker_machine_complete_arg() {
    __docker_machine_args "$1"
    local kind=$REPLY
    case $kind in
        machine)
            (($2 == 0)) || return
            __docker_machine_machines
            __docker_machine_words "$REPLY"
            ;;
        machines)
            __docker_machine_machines
            __docker_machine_words "$REPLY"
            ;;
        ssh)
            (($2 == 0)) || return
            __docker_machine_machines
            __docker_machine_words "$REPLY"
            ;;
        verb)
            (($2 == 0)) || return
            __docker_machine_words "$__docker_machine_verbs"
            ;;
        words:*)
            (($2 == 0)) || return
            __docker_machine_words "${kind#words:}"
            ;;
        scp)
            (($2 < 2)) || return
            [[ $cur == *:* ]] && return # a remote path: that would need ssh
            __docker_machine_remote_machines
            local machines=("${COMPREPLY[@]}")
            COMPREPLY=()
            if ((${#machines[@]} == 0)); then
                __docker_machine_filedir
                return
            fi
            # machines and files together: no filename quoting, or readline escapes the ':'
            local file files=()
            while IFS= read -r file; do
                [[ -d $file ]] && file+=/
                files+=("$file")
            done < <(compgen -f -- "$cur")
            COMPREPLY=("${machines[@]}" "${files[@]}")
            compopt -o nospace
            ;;
        mount)
            if (($2 == 0)); then
                [[ $cur == *:* ]] && return
                __docker_machine_remote_machines
                compopt -o nospace
            elif (($2 == 1)); then
                __docker_machine_filedir -d
            fi
            ;;
    esac
}

_docker_machine() {
    local cur prev words cword split=false REPLY
    if declare -F _init_completion >/dev/null; then
        _init_completion -s -n : || return
    else
        # without bash-completion: bash's own split of the line
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${words[cword]}
        prev=${words[cword - 1]}
    fi

    local i word verb= verb_at=0
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if [[ $word == -* ]]; then
            __docker_machine_takes_value '' "$word" && ((i++))
        else
            verb=$word
            verb_at=$i
            break
        fi
    done

    local verbs=$__docker_machine_verbs
    [[ ${DOCKER_MACHINE_WRAPPED-} == true ]] && verbs+=" use"

    if [[ -z $verb ]]; then
        if [[ $split == true || $prev == -* && $cword -gt 1 ]] &&
            __docker_machine_value_of '' "$prev" && [[ $REPLY != none ]]; then
            __docker_machine_complete_value "$REPLY"
        elif [[ $cur == -* ]]; then
            __docker_machine_flags ''
            __docker_machine_words "$REPLY"
        else
            __docker_machine_words "$verbs"
        fi
        __ltrim_colon_completions "$cur" 2>/dev/null
        return 0
    fi

    # a flag's value
    if [[ $verb != ssh ]] && { [[ $split == true ]] || ((cword - 1 > verb_at)) && [[ $prev == -* ]]; } &&
        __docker_machine_value_of "$verb" "$prev" && [[ $REPLY != none ]]; then
        __docker_machine_complete_value "$REPLY"
        __ltrim_colon_completions "$cur" 2>/dev/null
        return 0
    fi

    # count the arguments before this one; flags and their values are not arguments
    local args=0 dashdash=false
    for ((i = verb_at + 1; i < cword; i++)); do
        word=${words[i]}
        if [[ $verb == ssh ]]; then
            [[ $i == $((verb_at + 1)) && ($word == --help || $word == -h) ]] || ((args++))
        elif [[ $dashdash == false && $word == -- ]]; then
            dashdash=true
        elif [[ $dashdash == false && $word == -?* ]]; then
            __docker_machine_takes_value "$verb" "$word" && ((i++))
        else
            ((args++))
        fi
    done

    if [[ $cur == -* && $dashdash == false && ($verb != ssh || $args == 0) ]]; then
        __docker_machine_flags "$verb"
        local flags=$REPLY
        if [[ $verb == create ]]; then
            __docker_machine_driver
            __docker_machine_driver_flags "$REPLY"
            flags+=" $REPLY"
        fi
        __docker_machine_words "$flags"
        return 0
    fi

    __docker_machine_complete_arg "$verb" "$args"
    __ltrim_colon_completions "$cur" 2>/dev/null
    return 0
}

complete -F _docker_machine docker-machine docker-machine.exe
