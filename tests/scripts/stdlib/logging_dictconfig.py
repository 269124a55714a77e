# logging.config: dictConfig (formatters, filters, handlers, loggers, root,
# ext:// and cfg:// values, disable_existing_loggers, incremental) and fileConfig
import io
import os
import sys
import shutil
import tempfile
import logging
import logging.config
import logging.handlers

stream = io.StringIO()
sys.modules[__name__].STREAM = stream   # reachable as ext://__main__.STREAM


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 0


class Tagged(logging.Formatter):
    def __init__(self, fmt=None, datefmt=None, style='%', tag='T'):
        logging.Formatter.__init__(self, fmt, datefmt, style)
        self.tag = tag

    def format(self, record):
        return '<%s> %s' % (self.tag, logging.Formatter.format(self, record))


def make_handler(stream, prefix):
    h = logging.StreamHandler(stream)
    h.prefix = prefix
    return h


old = logging.getLogger('old.module')
old_child = logging.getLogger('app.db.pool')
tmp = tempfile.mkdtemp()
try:
    config = {
        'version': 1,
        'disable_existing_loggers': True,
        'formatters': {
            'brief': {'format': '%(levelname)s %(name)s: %(message)s'},
            'braces': {'format': '{levelname}|{name}|{message}', 'style': '{'},
            'tagged': {'()': Tagged, 'fmt': '%(message)s', 'tag': 'custom'},
            'dated': {'format': '%(asctime)s %(message)s', 'datefmt': '%Y'},
        },
        'filters': {
            'even': {'()': 'logging_dictconfig_helper.EvenFilter' if False else OnlyEven},
            'app_only': {'name': 'app'},
        },
        'handlers': {
            'console': {
                'class': 'logging.StreamHandler',
                'formatter': 'brief',
                'level': 'INFO',
                'stream': 'ext://__main__.STREAM',
            },
            'braced': {
                'class': 'logging.StreamHandler',
                'formatter': 'braces',
                'stream': 'cfg://handlers.console.stream',
                'filters': ['app_only'],
            },
            'custom': {
                '()': make_handler,
                'stream': 'ext://__main__.STREAM',
                'prefix': 'P',
                'formatter': 'tagged',
                'filters': ['even'],
                '.': {'extra_attr': 42},
            },
            'file': {
                'class': 'logging.handlers.RotatingFileHandler',
                'filename': os.path.join(tmp, 'cfg.log'),
                'maxBytes': 1000,
                'backupCount': 1,
                'formatter': 'brief',
                'level': 'DEBUG',
            },
            'memory': {
                'class': 'logging.handlers.MemoryHandler',
                'capacity': 2,
                'target': 'console',
            },
        },
        'loggers': {
            'app': {'level': 'DEBUG', 'handlers': ['braced', 'file'], 'propagate': True},
            'app.numbers': {'handlers': ['custom'], 'propagate': False, 'level': 10},
            'buffered': {'handlers': ['memory'], 'propagate': False, 'level': 'INFO'},
        },
        'root': {'level': 'WARNING', 'handlers': ['console']},
    }
    logging.config.dictConfig(config)
    handlers = logging._handlers
    print(sorted(type(h).__name__ for h in handlers.values()), sorted(config['handlers']) == sorted(handlers))
    print(handlers['custom'].prefix, handlers['custom'].extra_attr, handlers['custom'].name)
    print(handlers['memory'].target is handlers['console'], handlers['console'].stream is stream)
    print(logging.getLevelName(handlers['console'].level), handlers['file'].maxBytes)
    print(old.disabled, old_child.disabled, logging.getLogger('app').disabled)

    app = logging.getLogger('app')
    app.debug('debug from app')
    app.info('info from app')
    logging.getLogger('app.web').warning('warning from app.web')
    logging.getLogger('other').warning('warning from other')
    logging.getLogger('other').info('hidden info')
    nums = logging.getLogger('app.numbers')
    for i in range(4):
        nums.info('number %d', i)
    buf = logging.getLogger('buffered')
    buf.info('buffered one')
    print(repr(stream.getvalue()))
    buf.info('buffered two')
    old.error('from a disabled logger')
    print(stream.getvalue())
    with open(os.path.join(tmp, 'cfg.log')) as f:
        print(f.read())

    # incremental: only levels change
    logging.config.dictConfig({
        'version': 1, 'incremental': True,
        'handlers': {'console': {'level': 'ERROR'}},
        'loggers': {'app': {'level': 'WARNING'}},
    })
    print(logging.getLevelName(handlers['console'].level), logging.getLevelName(app.level), len(app.handlers))

    # disable_existing_loggers False keeps other loggers enabled
    logging.config.dictConfig({
        'version': 1,
        'disable_existing_loggers': False,
        'root': {'level': 'INFO'},
    })
    print(old.disabled, app.disabled, logging.getLevelName(logging.root.level), logging.root.handlers)

    # errors
    for bad in [{}, {'version': 2},
                {'version': 1, 'handlers': {'h': {'class': 'no.such.Handler'}}},
                {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'formatter': 'missing'}}},
                {'version': 1, 'formatters': {'f': {'format': '%(message)s', 'style': '?'}}},
                {'version': 1, 'loggers': {'x': {'level': 'LOUD'}}},
                {'version': 1, 'loggers': {'x': {'handlers': ['nope']}}}]:
        try:
            logging.config.dictConfig(bad)
        except (ValueError, KeyError) as e:
            print(type(e).__name__, e)

    # fileConfig
    ini = os.path.join(tmp, 'log.ini')
    out_path = os.path.join(tmp, 'file_config.log')
    with open(ini, 'w') as f:
        f.write('''[loggers]
keys=root,worker

[handlers]
keys=tofile

[formatters]
keys=simple

[logger_root]
level=WARNING
handlers=tofile

[logger_worker]
level=DEBUG
handlers=tofile
propagate=0
qualname=svc.worker

[handler_tofile]
class=FileHandler
level=DEBUG
formatter=simple
args=('%(path)s', 'w')

[formatter_simple]
format=%(name)s [%(levelname)s] %(message)s
''')
    logging.config.fileConfig(ini, defaults={'path': out_path})
    logging.getLogger('svc.worker').debug('worker debug')
    logging.getLogger('svc').info('svc info, filtered by root level')
    logging.getLogger().error('root error')
    print(old.disabled, app.disabled, logging.getLogger('svc.worker').propagate)
    logging.shutdown()
    with open(out_path) as f:
        print(f.read())
    print(logging.config.valid_ident('abc'))
    try:
        logging.config.valid_ident('1abc')
    except ValueError as e:
        print(e)
finally:
    for h in list(logging.root.handlers):
        logging.root.removeHandler(h)
        h.close()
    shutil.rmtree(tmp)
