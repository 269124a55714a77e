"""Configuring logging from a dictionary (dictConfig, schema version 1) or
from a configparser-format file (fileConfig), as CPython 3.11's
logging.config does.  Not implemented: listen()/stopListening().
"""

import io
import re
import sys
import logging
import logging.handlers

__all__ = ['dictConfig', 'fileConfig', 'valid_ident', 'DictConfigurator',
           'BaseConfigurator', 'dictConfigClass']

DEFAULT_LOGGING_CONFIG_PORT = 9030

_IDENTIFIER = re.compile(r'^[a-z_][a-z0-9_]*$', re.I)


def valid_ident(s):
    """True for a valid Python identifier; ValueError otherwise."""
    if not _IDENTIFIER.match(s):
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    # The object a dotted name leads to, importing modules on the way.
    parts = name.split('.')
    first = parts.pop(0)
    found = __import__(first)
    path = first
    for part in parts:
        path = path + '.' + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(path)
            found = getattr(found, part)
    return found


def _clear_existing_handlers():
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    # Loggers that the configuration does not name are disabled (with
    # disable_existing_loggers) unless they sit below a configured one.
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if name in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        else:
            logger.disabled = disable_existing


def _children_of_configured(existing, configured):
    # Existing loggers whose names start with a configured logger's name and
    # a dot: they are left enabled.
    children = []
    ordered = sorted(existing)
    for name in configured:
        if name not in ordered:
            continue
        prefix = name + '.'
        position = ordered.index(name) + 1
        while position < len(ordered):
            candidate = ordered[position]
            if candidate.startswith(prefix):
                children.append(candidate)
            position += 1
    return children


def _copy_tree(value):
    if isinstance(value, dict):
        return dict((k, _copy_tree(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_copy_tree(v) for v in value]
    return value


# -- dictConfig ---------------------------------------------------------------------------

class BaseConfigurator(object):
    """Resolves the special values of a configuration: 'ext://module.name'
    (an object imported by name) and 'cfg://path.to[key]' (another part of
    the configuration)."""

    value_converters = {
        'ext': 'ext_convert',
        'cfg': 'cfg_convert',
    }

    importer = staticmethod(__import__)

    def __init__(self, config):
        # a copy of the dictionaries and lists: the caller's stay untouched
        self.config = _copy_tree(config)

    def resolve(self, s):
        """The object named by the dotted string s."""
        try:
            return _resolve(s)
        except ImportError as e:
            error = ValueError('Cannot resolve %r: %s' % (s, e))
            raise error from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        """The part of the configuration at value: dotted names and [key]
        or [index] steps, as in cfg://handlers.console[level]."""
        rest = value
        match = re.match(r'^\s*(\w+)\s*', rest)
        if match is None:
            raise ValueError('Unable to convert %r' % value)
        rest = rest[match.end():]
        found = self.config[match.group(1)]
        while rest:
            dotted = re.match(r'^\.\s*(\w+)\s*', rest)
            if dotted:
                found = found[dotted.group(1)]
                rest = rest[dotted.end():]
                continue
            indexed = re.match(r'^\[\s*(\w+)\s*\]\s*', rest)
            if not indexed:
                raise ValueError('Unable to convert %r at %r' % (value, rest))
            key = indexed.group(1)
            if re.match(r'^\d+$', key):
                try:
                    found = found[int(key)]
                except TypeError:
                    found = found[key]
            else:
                found = found[key]
            rest = rest[indexed.end():]
        return found

    def convert(self, value):
        """value with 'ext://' and 'cfg://' strings resolved (inside lists,
        tuples and dicts too)."""
        if isinstance(value, str):
            match = re.match(r'^(?P<prefix>[a-z]+)://(?P<suffix>.*)$', value)
            if match:
                method = self.value_converters.get(match.group('prefix'))
                if method == 'cfg_convert':
                    return self.convert(self.cfg_convert(match.group('suffix')))
                if method:
                    return getattr(self, method)(match.group('suffix'))
            return value
        if isinstance(value, dict):
            return dict((k, self.convert(v)) for k, v in value.items())
        if isinstance(value, list):
            return [self.convert(v) for v in value]
        if isinstance(value, tuple) and not hasattr(value, '_fields'):
            return tuple(self.convert(v) for v in value)
        return value

    def configure_custom(self, config):
        """Build an object with a factory: config['()'] (a callable or its
        dotted name) called with the other keys; the '.' key holds
        attributes set afterwards."""
        config = dict(config)
        factory = config.pop('()')
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop('.', None)
        kwargs = dict((k, self.convert(config[k])) for k in config if valid_ident(k))
        result = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


class DictConfigurator(BaseConfigurator):
    """Applies a logging configuration dictionary."""

    def configure(self):
        """Do the configuration."""
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError('Unsupported version: %s' % config['version'])
        incremental = config.pop('incremental', False)
        problems = {}
        logging._acquireLock()
        try:
            if incremental:
                self._configure_incremental(config)
                return
            disable_existing = config.pop('disable_existing_loggers', True)
            _clear_existing_handlers()

            formatters = config.get('formatters', {})
            for name in formatters:
                try:
                    formatters[name] = self.configure_formatter(formatters[name])
                except Exception as e:
                    raise ValueError('Unable to configure formatter %r' % name) from e

            filters = config.get('filters', {})
            for name in filters:
                try:
                    filters[name] = self.configure_filter(filters[name])
                except Exception as e:
                    raise ValueError('Unable to configure filter %r' % name) from e

            handlers = config.get('handlers', {})
            deferred = []
            for name in sorted(handlers):
                try:
                    handler = self.configure_handler(handlers[name])
                    handler.name = name
                    handlers[name] = handler
                except Exception as e:
                    if 'target not configured yet' in str(e.__cause__):
                        deferred.append(name)
                    else:
                        raise ValueError('Unable to configure handler %r' % name) from e
            for name in deferred:
                try:
                    handler = self.configure_handler(handlers[name])
                    handler.name = name
                    handlers[name] = handler
                except Exception as e:
                    raise ValueError('Unable to configure handler %r' % name) from e

            root = logging.root
            existing = list(root.manager.loggerDict.keys())
            existing.sort()
            loggers = config.get('loggers', {})
            configured = []
            for name in loggers:
                if name in existing:
                    configured.append(name)
                try:
                    self.configure_logger(name, loggers[name])
                except Exception as e:
                    raise ValueError('Unable to configure logger %r' % name) from e
            child_loggers = _children_of_configured(existing, configured)
            remaining = [n for n in existing if n not in loggers]
            _handle_existing_loggers(remaining, child_loggers, disable_existing)

            root_config = config.get('root', None)
            if root_config:
                try:
                    self.configure_root(root_config)
                except Exception as e:
                    raise ValueError('Unable to configure root logger') from e
        finally:
            logging._releaseLock()

    def _configure_incremental(self, config):
        handlers = config.get('handlers', {})
        for name in handlers:
            if name not in logging._handlers:
                raise ValueError('No handler found with name %r' % name)
            try:
                handler = logging._handlers[name]
                level = handlers[name].get('level', None)
                if level:
                    handler.setLevel(logging._checkLevel(level))
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        loggers = config.get('loggers', {})
        for name in loggers:
            try:
                self.configure_logger(name, loggers[name], True)
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        root_config = config.get('root', None)
        if root_config:
            try:
                self.configure_root(root_config, True)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        """A Formatter from its configuration."""
        config = self.convert(config)
        if '()' in config:
            factory = config['()']
            try:
                return self.configure_custom(config)
            except TypeError as te:
                if "'format'" not in str(te):
                    raise
                # the old name of the format key
                config = dict(config)
                config['fmt'] = config.pop('format')
                config['()'] = factory
                return self.configure_custom(config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        defaults = config.get('defaults', None)
        if not cname:
            klass = logging.Formatter
        else:
            klass = _resolve(cname)
        if 'validate' in config:
            extra = {'validate': config['validate']}
        else:
            extra = {}
        if defaults:
            extra['defaults'] = defaults
        return klass(fmt, dfmt, style, **extra)

    def configure_filter(self, config):
        """A Filter from its configuration."""
        config = self.convert(config)
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for name in filters:
            try:
                if callable(name) or hasattr(name, 'filter'):
                    found = name
                else:
                    found = self.config['filters'][name]
                filterer.addFilter(found)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % name) from e

    def configure_handler(self, config):
        """A Handler from its configuration: 'class' (or '()'), 'level',
        'formatter', 'filters', and the other keys as constructor
        arguments."""
        config = dict(self.convert(config))
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            cname = config.pop('class')
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                try:
                    target = self.config['handlers'][config['target']]
                    if not isinstance(target, logging.Handler):
                        raise TypeError('target not configured yet')
                    config['target'] = target
                except Exception as e:
                    raise ValueError('Unable to set target handler %r'
                                     % config['target']) from e
            elif (issubclass(klass, logging.handlers.SocketHandler) and
                    'port' in config and 'host' in config):
                pass
            factory = klass
        props = config.pop('.', None)
        kwargs = dict((k, config[k]) for k in config if valid_ident(k))
        try:
            result = factory(**kwargs)
        except TypeError as te:
            if "'stream'" not in str(te):
                raise
            # the old name of the stream argument
            kwargs['strm'] = kwargs.pop('stream')
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for name in handlers:
            try:
                logger.addHandler(self.config['handlers'][name])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % name) from e

    def common_logger_config(self, logger, config, incremental=False):
        config = self.convert(config)
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for handler in logger.handlers[:]:
                logger.removeHandler(handler)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        """Set up a named logger."""
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        """Set up the root logger."""
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging from a dictionary: 'version': 1 and optional
    'formatters', 'filters', 'handlers', 'loggers', 'root',
    'disable_existing_loggers' (default True) and 'incremental'."""
    dictConfigClass(config).configure()


# -- fileConfig ---------------------------------------------------------------------------

def _split_names(text):
    return [part.strip() for part in text.split(',') if part.strip()]


def _create_formatters(cp):
    names = cp['formatters']['keys']
    if not len(names):
        return {}
    result = {}
    for name in _split_names(names):
        section = cp['formatter_%s' % name]
        fs = section.get('format', None, raw=True)
        dfs = section.get('datefmt', None, raw=True)
        style = section.get('style', '%', raw=True)
        cname = section.get('class', None, raw=True)
        defaults = section.get('defaults', None, raw=True)
        klass = logging.Formatter if not cname else _resolve(cname)
        if defaults is not None:
            defaults = eval(defaults, vars(logging))
            result[name] = klass(fs, dfs, style, defaults=defaults)
        else:
            result[name] = klass(fs, dfs, style)
    return result


def _install_handlers(cp, formatters):
    names = cp['handlers']['keys']
    if not len(names):
        return {}
    result = {}
    targets = []
    for name in _split_names(names):
        section = cp['handler_%s' % name]
        klass = section['class']
        fmt = section.get('formatter', '')
        try:
            klass = eval(klass, vars(logging))
        except (AttributeError, NameError):
            klass = _resolve(klass)
        args = eval(section.get('args', '()'), vars(logging))
        kwargs = eval(section.get('kwargs', '{}'), vars(logging))
        handler = klass(*args, **kwargs)
        handler.name = name
        if 'level' in section:
            handler.setLevel(section['level'])
        if len(fmt):
            handler.setFormatter(formatters[fmt])
        if issubclass(klass, logging.handlers.MemoryHandler):
            target = section.get('target', '')
            if len(target):
                targets.append((handler, target))
        result[name] = handler
    for handler, target in targets:
        handler.setTarget(result[target])
    return result


def _install_loggers(cp, handlers, disable_existing):
    names = _split_names(cp['loggers']['keys'])
    if 'root' in names:
        names.remove('root')
    else:
        raise KeyError('root')
    section = cp['logger_root']
    root = logging.root
    if 'level' in section:
        root.setLevel(section['level'])
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    for hname in _split_names(section.get('handlers', '')):
        root.addHandler(handlers[hname])

    existing = sorted(root.manager.loggerDict.keys())
    configured = []
    for name in names:
        section = cp['logger_%s' % name]
        qualname = section['qualname']
        propagate = section.getint('propagate', fallback=1)
        logger = logging.getLogger(qualname)
        if qualname in existing:
            configured.append(qualname)
        if 'level' in section:
            logger.setLevel(section['level'])
        for handler in logger.handlers[:]:
            logger.removeHandler(handler)
        logger.propagate = propagate
        logger.disabled = False
        for hname in _split_names(section.get('handlers', '')):
            logger.addHandler(handlers[hname])
    child_loggers = _children_of_configured(existing, configured)
    remaining = [n for n in existing if n not in configured]
    _handle_existing_loggers(remaining, child_loggers, disable_existing)


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    """Configure logging from a configparser-format file (a file name, an
    open file or a RawConfigParser) with sections [loggers], [handlers],
    [formatters] and logger_*, handler_*, formatter_* ones."""
    import configparser
    if isinstance(fname, configparser.RawConfigParser):
        cp = fname
    else:
        try:
            cp = configparser.ConfigParser(defaults)
            if hasattr(fname, 'readline'):
                cp.read_file(fname)
            else:
                cp.read(fname, encoding=encoding)
        except configparser.ParsingError as e:
            raise RuntimeError('%s is invalid: %s' % (fname, e))
    if not cp.sections():
        raise RuntimeError('%s is an empty file' % (fname,))
    formatters = _create_formatters(cp)
    logging._acquireLock()
    try:
        _clear_existing_handlers()
        handlers = _install_handlers(cp, formatters)
        _install_loggers(cp, handlers, disable_existing_loggers)
    finally:
        logging._releaseLock()
